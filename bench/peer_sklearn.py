"""The peers of `sis`: scikit-learn (plain and with scikit-learn-intelex) on the same data.

Two modes, each printing one JSON line on stdout:

  kernel    KMeans on a scaled matrix dumped by `examples/kernel_race.rs --dump` (raw
            little-endian f32, row-major, 13 columns): k=6, n_init=10, max_iter=300,
            tol=1e-4, algorithm="lloyd", init="k-means++". `--impl sklearn` or `--impl intelex`
            (scikit-learn-intelex's `sklearnex.cluster.KMeans`, what patch_sklearn swaps in).
  pipeline  The peer of `sis run` on a generated CSV: pandas read_csv, the same cleaning and
            13 default features as ours (approximately), StandardScaler, the k sweep 2..8 with
            n_init=10 and a 10,000-customer silhouette per k, segment profiles.

The inertia printed is recomputed in float64 from the final labels and centroids
(scikit-learn's own, accumulated in float32 for float32 input, is printed beside it).

python bench/peer_sklearn.py kernel --matrix bench/data/matrix_1000000.f32 --impl sklearn
python bench/peer_sklearn.py pipeline --csv bench/data/customers_1000000.csv
"""

import argparse
import json
import os
import resource
import sys
import time

import numpy as np

K = 6
N_INIT = 10
MAX_ITER = 300
TOL = 1e-4
SEED = 7
COLS = 13


def exact_inertia(x, labels, centers):
    """Sum of squared distances to the assigned centre, in float64."""
    total = 0.0
    for start in range(0, x.shape[0], 1 << 18):
        block = x[start : start + (1 << 18)].astype(np.float64)
        diff = block - centers.astype(np.float64)[labels[start : start + (1 << 18)]]
        total += float(np.einsum("ij,ij->", diff, diff))
    return total


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def kernel(args):
    if args.impl == "intelex":
        from sklearnex.cluster import KMeans
    else:
        from sklearn.cluster import KMeans
    from threadpoolctl import threadpool_info

    x = np.fromfile(args.matrix, dtype="<f4").reshape(-1, COLS)
    model = KMeans(
        n_clusters=K,
        n_init=N_INIT,
        max_iter=MAX_ITER,
        tol=TOL,
        algorithm="lloyd",
        init="k-means++",
        random_state=SEED,
    )
    start = time.perf_counter()
    model.fit(x)
    seconds = time.perf_counter() - start
    labels = model.labels_
    print(
        json.dumps(
            {
                "impl": args.impl,
                "class": f"{type(model).__module__}.{type(model).__name__}",
                "rows": int(x.shape[0]),
                "cols": int(x.shape[1]),
                "dtype": str(x.dtype),
                "k": K,
                "n_init": N_INIT,
                "threads": [i.get("num_threads") for i in threadpool_info()],
                "seconds": seconds,
                "inertia": exact_inertia(x, labels, model.cluster_centers_),
                "inertia_reported": float(model.inertia_),
                "iterations": int(model.n_iter_),
                "peak_rss_mb": peak_rss_mb(),
            }
        )
    )


SPEND = ["MntWines", "MntFruits", "MntMeatProducts", "MntFishProducts", "MntSweetProducts",
         "MntGoldProds"]
CHANNELS = ["NumWebPurchases", "NumCatalogPurchases", "NumStorePurchases"]
CAMPAIGNS = ["AcceptedCmp1", "AcceptedCmp2", "AcceptedCmp3", "AcceptedCmp4", "AcceptedCmp5",
             "Response"]
FEATURES = ["Income", "Age", "Total_Children", "Recency", "Frequency", "Monetary",
            "Avg_Spend_Per_Purchase", "Tenure_Days", "Web_Ratio", "Catalog_Ratio",
            "Promo_Responsive", "Deal_Dependency", "Product_Variety"]


def build_features(df):
    """Cleaning and the 13 default features, as `sis` builds them."""
    import pandas as pd

    df = df.drop_duplicates(subset=[c for c in df.columns if c != "ID"])
    df = df.drop(columns=[c for c in df.columns if df[c].nunique(dropna=False) <= 1])
    df["Income"] = df["Income"].fillna(df["Income"].median())
    joined = pd.to_datetime(df["Dt_Customer"], format="%Y-%m-%d", errors="coerce")
    reference_day = joined.max()
    age = reference_day.year - df["Year_Birth"]
    plausible = age.between(18, 100)
    age = age.where(plausible, age[plausible].median())
    frequency = df[CHANNELS].sum(axis=1)
    monetary = df[SPEND].sum(axis=1)
    safe = frequency.where(frequency > 0, np.nan)
    f = pd.DataFrame(
        {
            "Income": df["Income"],
            "Age": age,
            "Total_Children": df["Kidhome"] + df["Teenhome"],
            "Recency": df["Recency"],
            "Frequency": frequency,
            "Monetary": monetary,
            "Avg_Spend_Per_Purchase": (monetary / safe).fillna(0.0),
            "Tenure_Days": (reference_day - joined).dt.days,
            "Web_Ratio": (df["NumWebPurchases"] / safe).fillna(0.0).clip(0, 1),
            "Catalog_Ratio": (df["NumCatalogPurchases"] / safe).fillna(0.0).clip(0, 1),
            "Promo_Responsive": (df[CAMPAIGNS].sum(axis=1) > 0).astype(float),
            "Deal_Dependency": (df["NumDealsPurchases"] / safe).fillna(0.0).clip(0, 1),
            "Product_Variety": (df[SPEND] > 0).sum(axis=1),
        }
    ).astype(float)
    # Outliers capped at the 1.5 IQR fences on the continuous features.
    for name in ["Income", "Age", "Total_Children", "Recency", "Frequency", "Monetary",
                 "Avg_Spend_Per_Purchase", "Tenure_Days", "Product_Variety"]:
        column = f[name]
        if column.nunique() <= 10:
            continue
        q1, q3 = column.quantile([0.25, 0.75])
        if q3 > q1:
            f[name] = column.clip(q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1))
    return df, f


def pipeline(args):
    import pandas as pd
    from sklearn.cluster import KMeans
    from sklearn.metrics import (calinski_harabasz_score, davies_bouldin_score,
                                 silhouette_samples)
    from sklearn.preprocessing import StandardScaler

    stages = {}
    start = time.perf_counter()
    df = pd.read_csv(args.csv)
    stages["read_csv"] = time.perf_counter() - start

    t = time.perf_counter()
    df, features = build_features(df)
    x = StandardScaler().fit_transform(features[FEATURES].to_numpy())
    stages["clean_features_scale"] = time.perf_counter() - t

    t = time.perf_counter()
    rng = np.random.default_rng(SEED)
    n = x.shape[0]
    sample = np.sort(rng.choice(n, size=min(10_000, n), replace=False))
    sweep = []
    fits = {}
    for k in range(2, 9):
        model = KMeans(n_clusters=k, n_init=N_INIT, max_iter=MAX_ITER, tol=TOL,
                       algorithm="lloyd", init="k-means++", random_state=SEED).fit(x)
        labels = model.labels_
        scores = silhouette_samples(x[sample], labels[sample])
        sizes = np.bincount(labels, minlength=k)
        sweep.append(
            {
                "k": k,
                "inertia": float(model.inertia_),
                "silhouette": float(scores.mean()),
                "negative_share": float((scores < 0).mean()),
                "calinski_harabasz": float(calinski_harabasz_score(x, labels)),
                "davies_bouldin": float(davies_bouldin_score(x, labels)),
                "smallest_share": float(sizes.min() / n),
            }
        )
        fits[k] = labels
    qualifying = [r for r in sweep if r["smallest_share"] >= 0.05] or sweep
    chosen = max(qualifying, key=lambda r: r["silhouette"])["k"]
    stages["k_sweep"] = time.perf_counter() - t

    t = time.perf_counter()
    features["Segment"] = fits[chosen]
    profile = features.groupby("Segment").agg(["mean", "median"])
    revenue_share = features.groupby("Segment")["Monetary"].sum() / features["Monetary"].sum()
    stages["profiles"] = time.perf_counter() - t
    total = time.perf_counter() - start
    print(
        json.dumps(
            {
                "impl": "sklearn_pipeline",
                "rows": int(n),
                "k": int(chosen),
                "seconds": total,
                "stages": stages,
                "peak_rss_mb": peak_rss_mb(),
                "profile_cells": int(profile.size),
                "revenue_share_top": float(revenue_share.max()),
                "sweep": sweep,
            }
        )
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    k = sub.add_parser("kernel")
    k.add_argument("--matrix", required=True)
    k.add_argument("--impl", choices=["sklearn", "intelex"], required=True)
    p = sub.add_parser("pipeline")
    p.add_argument("--csv", required=True)
    args = parser.parse_args()
    if args.mode == "kernel":
        kernel(args)
    else:
        pipeline(args)
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
