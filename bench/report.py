"""Turn bench/compare.sh's results.jsonl into the markdown tables of bench/README.md.

python3 bench/report.py bench/results/<time>/results.jsonl [more results.jsonl …]
Best round (lowest time) per measurement; the median of the rounds is shown beside it.
"""

import json
import statistics
import sys


def load(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def best(rows, key):
    return min(rows, key=lambda r: r[key]) if rows else None


def median(rows, key):
    return statistics.median(r[key] for r in rows) if rows else float("nan")


def main():
    rows = [r for path in sys.argv[1:] for r in load(path)]
    by = lambda m: [r for r in rows if r.get("measure") == m]
    machine = by("machine")[0]
    loads = [r["load"] for r in rows if "load" in r]
    print(f"Machine: {machine['cpu']}, {machine['cores']} cores, {machine['mem_gib']} GiB")
    bandwidth = (by("bandwidth") or [None])[0]
    if bandwidth:
        print(f"Memory bandwidth (sequential read, 512 MB): {bandwidth['bw1_gbs']} GB/s on 1 "
              f"thread, {bandwidth['bw2_gbs']} GB/s on 2")
    print()

    kernel = by("kernel")
    impls = {}
    for r in kernel:
        impls.setdefault(r["impl"], []).append(r)
    ours = impls.get("sis", [])
    if ours:
        o = best(ours, "seconds")
        print(f"### Kernel race: k-means on {o['rows']:,} × {o['cols']} standard-scaled "
              f"features, k = 6, 10 k-means++ inits, max_iter 300, tol 1e-4 (Lloyd)")
        print()
        print("| implementation | best s | median s | rounds | inertia (f64) | "
              "ours/peer time | ours/peer inertia |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for name in ["sis", "sklearn", "intelex", "linfa"]:
            rs = impls.get(name)
            if not rs:
                continue
            b = best(rs, "seconds")
            seconds = b.get("seconds_per_10_runs", b["seconds"])
            label = {"sis": "sis (ours)", "sklearn": "scikit-learn",
                     "intelex": "scikit-learn-intelex", "linfa": "linfa-clustering 0.8.1"}[name]
            if b.get("extrapolated"):
                label += f" ({b['n_init']} run × 10, extrapolated)"
            ratio_t = "" if name == "sis" else f"{o['seconds'] / seconds:.3f}×"
            ratio_i = "" if name == "sis" else f"{o['inertia'] / b['inertia']:.6f}"
            med = median(rs, "seconds") * (10 / b["n_init"])
            print(f"| {label} | {seconds:.2f} | {med:.2f} | {len(rs)} | {b['inertia']:.6e} | "
                  f"{ratio_t} | {ratio_i} |")
        print()
        print(f"Ours: {sum(o['iterations'])} Lloyd iterations over 10 seeds "
              f"({o['iterations']}), {o['ms_per_iteration']:.2f} ms per iteration all inclusive "
              f"(k-means++, regrouping, final scoring).")
        if bandwidth:
            floor_ms = o["rows"] * o["cols"] * 4 / (bandwidth["bw2_gbs"] * 1e9) * 1e3
            print(f"Bandwidth floor of this matrix on 2 threads: {floor_ms:.2f} ms; all-inclusive "
                  f"iteration = {o['ms_per_iteration'] / floor_ms:.2f}× the floor.")
        print()

    if bandwidth:
        print("### Lloyd iteration against the bandwidth floor (examples/kmeans_speed.rs, "
              "1M × 13 f32 = 52 MB)")
        print()
        print("| threads | one Lloyd iteration ms | floor ms | multiple |")
        print("|---:|---:|---:|---:|")
        for t, (it, fl, mul) in enumerate(zip(bandwidth["iteration_ms"], bandwidth["floor_ms"],
                                              bandwidth["multiple"]), start=1):
            print(f"| {t} | {it:.2f} | {fl:.2f} | {mul:.2f}× |")
        print()

    ours_e2e, peer_e2e = by("sis_run_1m"), by("peer_pipeline_1m")
    if ours_e2e and peer_e2e:
        o, p = best(ours_e2e, "wall_s"), best(peer_e2e, "wall_s")
        print("### End to end on 1,000,000 customers")
        print()
        print("| pipeline | best wall s | median wall s | peak RSS MB | rounds |")
        print("|---|---:|---:|---:|---:|")
        print(f"| `sis run … --out run.sis` | {o['wall_s']:.2f} | {median(ours_e2e, 'wall_s'):.2f} "
              f"| {max(r['peak_rss_mb'] for r in ours_e2e)} | {len(ours_e2e)} |")
        print(f"| scikit-learn pipeline | {p['wall_s']:.2f} | {median(peer_e2e, 'wall_s'):.2f} | "
              f"{max(r['peak_rss_mb'] for r in peer_e2e)} | {len(peer_e2e)} |")
        print()
        ratio = o["wall_s"] / p["wall_s"]
        ratio_med = median(ours_e2e, "wall_s") / median(peer_e2e, "wall_s")
        print(f"Ours/peer wall time: {ratio:.3f}× best, {ratio_med:.3f}× median "
              f"(target ≤ 0.25×); ours {o['wall_s']:.1f} s (target ≤ 20 s), "
              f"{max(r['peak_rss_mb'] for r in ours_e2e)} MB (target ≤ 2048 MB).")
        details = by("peer_pipeline_detail")
        if details:
            d = best(details, "seconds")
            stages = ", ".join(f"{k} {v:.1f} s" for k, v in d["stages"].items())
            print(f"Peer stages (best round): {stages}; it chose k = {d['k']}.")
        print()

    scaling = sorted((r for r in rows if r.get("measure", "").startswith("scaling_")),
                     key=lambda r: int(r["measure"].split("_")[1]))
    bundles = {int(r["measure"].split("_")[1]): r["bytes"] for r in by_prefix(rows, "bundle_")}
    if scaling:
        print("### Scaling: `sis run customers_N.csv --out run.sis`")
        print()
        print("| customers | wall s | s per 1M customers | peak RSS MB | RSS bytes per customer "
              "| bundle MB | load avg (1/5/15 min) |")
        print("|---:|---:|---:|---:|---:|---:|---|")
        for r in scaling:
            n = int(r["measure"].split("_")[1])
            if r.get("failed"):
                print(f"| {n:,} | failed | | | | | {r.get('load', '')} |")
                continue
            bundle = f"{bundles[n] / 1e6:,.0f}" if n in bundles else "not saved"
            print(f"| {n:,} | {r['wall_s']:.2f} | {r['wall_s'] / n * 1e6:.2f} | "
                  f"{r['peak_rss_mb']:,} | {r['peak_rss_mb'] * 1048576 / n:,.0f} | {bundle} | "
                  f"{r.get('load', '')} |")
        print()


def by_prefix(rows, prefix):
    return [r for r in rows if r.get("measure", "").startswith(prefix)]


if __name__ == "__main__":
    main()
