#!/usr/bin/env bash
# Ours against the peers, on this machine: the k-means kernel race (sis, scikit-learn,
# scikit-learn-intelex, linfa), `sis run` end to end against the scikit-learn pipeline, the
# scaling table (10k … 10M customers), and the Lloyd iteration against the bandwidth floor.
# Ours and the peers are measured in alternation, ROUNDS times, and the best round is kept.
#
#   bench/compare.sh                      # everything (about 20 minutes on 2 cores)
#   ROUNDS=1 SIZES="10000 100000" bench/compare.sh
#
# Results: bench/results/<time>/results.jsonl (one JSON line per measurement) and
# bench/results/<time>/table.md (printed at the end).
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}          # kernel race rounds
E2E_ROUNDS=${E2E_ROUNDS:-2}  # end-to-end rounds (the peer pipeline takes minutes)
SIZES=${SIZES:-"10000 100000 1000000 5000000 10000000"}
RACE_N=${RACE_N:-1000000}
LINFA_BUDGET=${LINFA_BUDGET:-60}
PARTS=${PARTS:-"kernel e2e scaling"}
# Session bundles are large (about 600 bytes a customer): they go to RAM-backed /dev/shm and
# are deleted after each run; above SAVE_MAX customers the run is timed without `--out`.
SESSIONS=${SESSIONS:-/dev/shm}
SAVE_MAX=${SAVE_MAX:-5000000}
DATA=bench/data
OUT=bench/results/$(date +%Y%m%d-%H%M%S)
mkdir -p "$DATA" "$OUT"
RESULTS=$OUT/results.jsonl
: > "$RESULTS"

log() { printf '[compare] %s\n' "$*" >&2; }

# --- tools -------------------------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
    log "installing GNU time"
    apt-get update -qq && apt-get install -y -qq time
fi
if [ ! -x bench/.venv/bin/python ]; then
    log "creating bench/.venv"
    python3 -m venv bench/.venv
    bench/.venv/bin/pip install -q -r bench/requirements.txt
fi
PY=bench/.venv/bin/python
# OpenMP threads that sleep at barriers instead of spinning: on a machine shared with other
# work, spinning scikit-learn threads lose seconds to waiting (37 s instead of 53 s for the
# kernel race under load), so this setting is in the peers' favour.
export OMP_WAIT_POLICY=PASSIVE
log "building release"
cargo build --release --quiet --bin sis \
    --example kernel_race --example kmeans_speed
SIS=target/release/sis
RACE=target/release/examples/kernel_race
SPEED=target/release/examples/kmeans_speed

# --- data --------------------------------------------------------------------------------
for n in $SIZES $RACE_N; do
    if [ ! -s "$DATA/customers_$n.csv" ]; then
        log "generating $n customers"
        "$SIS" generate --customers "$n" --seed 7 --out "$DATA/customers_$n.csv" > /dev/null
    fi
done

# `timed NAME ROUND CMD…`: runs CMD under GNU time, appends wall seconds and peak RSS.
timed() {
    local name=$1 round=$2
    shift 2
    local stats=$OUT/time.txt
    # stderr lines (sis's stage progress) are stamped with seconds since the start.
    local start=$EPOCHREALTIME
    /usr/bin/time -f '%e %M' -o "$stats" "$@" > "$OUT/last_stdout.txt" \
        2> >(while IFS= read -r line; do
                printf '%.2f %s\n' "$(bc <<< "$EPOCHREALTIME - $start")" "$line"
             done > "$OUT/last_stderr.txt") || {
        log "FAILED: $*"
        cat "$OUT/last_stderr.txt" >&2
        return 1
    }
    sleep 0.5  # let the stamping reader finish its file
    read -r wall rss_kb < <(tail -n 1 "$stats")
    printf '{"measure":"%s","round":%s,"wall_s":%s,"peak_rss_mb":%s,"load":"%s","cmd":"%s"}\n' \
        "$name" "$round" "$wall" "$((rss_kb / 1024))" "$(cut -d' ' -f1-3 /proc/loadavg)" "$*" >> "$RESULTS"
}

# --- machine -----------------------------------------------------------------------------
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
printf '{"measure":"machine","cores":%s,"cpu":"%s","mem_gib":%s}\n' "$(nproc)" "$cpu" \
    "$(awk '/MemTotal/ {printf "%.1f", $2/1048576}' /proc/meminfo)" >> "$RESULTS"

want() { [[ " $PARTS " == *" $1 "* ]]; }

# --- kernel race -------------------------------------------------------------------------
if want kernel; then
MATRIX=$DATA/matrix_$RACE_N.f32
log "kernel race on $RACE_N customers: preparing the scaled matrix"
"$RACE" "$DATA/customers_$RACE_N.csv" --dump "$MATRIX" 2> /dev/null
for round in $(seq 1 "$ROUNDS"); do
    log "kernel race round $round/$ROUNDS"
    "$RACE" "$DATA/customers_$RACE_N.csv" --ours 2> /dev/null | sed "s/^{/{\"measure\":\"kernel\",\"round\":$round,/" >> "$RESULTS"
    for impl in sklearn intelex; do
        "$PY" bench/peer_sklearn.py kernel --matrix "$MATRIX" --impl "$impl" \
            | sed "s/^{/{\"measure\":\"kernel\",\"round\":$round,/" >> "$RESULTS"
    done
done
log "linfa: one run first"
"$RACE" "$DATA/customers_$RACE_N.csv" --linfa-runs 1 > "$OUT/linfa1.json"
one=$("$PY" -c "import json,sys; print(json.load(open(sys.argv[1]))['seconds'])" "$OUT/linfa1.json")
if "$PY" -c "import sys; sys.exit(0 if float(sys.argv[1]) * 10 <= float(sys.argv[2]) else 1)" "$one" "$LINFA_BUDGET"; then
    log "linfa: 10 runs"
    "$RACE" "$DATA/customers_$RACE_N.csv" --linfa-runs 10 | sed 's/^{/{"measure":"kernel","round":1,/' >> "$RESULTS"
else
    log "linfa: 10 runs would take over ${LINFA_BUDGET}s; extrapolating from one run"
    sed 's/^{/{"measure":"kernel","round":1,/' "$OUT/linfa1.json" >> "$RESULTS"
fi

# --- Lloyd iteration against the bandwidth floor -----------------------------------------
log "Lloyd iteration against the bandwidth floor (examples/kmeans_speed.rs)"
"$SPEED" > "$OUT/kmeans_speed.txt"
"$PY" - "$OUT/kmeans_speed.txt" >> "$RESULTS" <<'EOF'
import json, re, sys
text = open(sys.argv[1]).read()
bw = re.search(r"1 thread ([\d.]+) GB/s, 2 threads ([\d.]+) GB/s", text)
rows = re.findall(r"one Lloyd iteration \(mean of \d+\): ([\d.]+) ms, ([\d.]+) GB/s of matrix, ([\d.]+)x", text)
floors = re.findall(r"bandwidth floor ([\d.]+) ms", text)
print(json.dumps({"measure": "bandwidth", "bw1_gbs": float(bw[1]), "bw2_gbs": float(bw[2]),
                  "iteration_ms": [float(r[0]) for r in rows], "floor_ms": [float(f) for f in floors],
                  "multiple": [float(r[2]) for r in rows], "raw": text}))
EOF

fi

# --- end to end on 1M: sis run against the scikit-learn pipeline -------------------------
if want e2e; then
E2E=$DATA/customers_1000000.csv
for round in $(seq 1 "$E2E_ROUNDS"); do
    log "end to end round $round/$E2E_ROUNDS"
    timed sis_run_1m "$round" "$SIS" run "$E2E" --quiet --out "$SESSIONS/sis_bench_1m.sis"
    rm -f "$SESSIONS/sis_bench_1m.sis"
    timed peer_pipeline_1m "$round" "$PY" bench/peer_sklearn.py pipeline --csv "$E2E"
    sed "s/^{/{\"measure\":\"peer_pipeline_detail\",\"round\":$round,/" "$OUT/last_stdout.txt" >> "$RESULTS"
done

fi

# --- scaling -----------------------------------------------------------------------------
for n in $SIZES; do
    want scaling || break
    log "scaling: sis run on $n customers"
    save=(--out "$SESSIONS/sis_bench_$n.sis")
    name="scaling_$n"
    if [ "$n" -gt "$SAVE_MAX" ]; then
        save=()
        name="scaling_${n}_nosave"
    fi
    if ! timed "$name" 1 "$SIS" run "$DATA/customers_$n.csv" "${save[@]}"; then
        printf '{"measure":"scaling_%s","failed":true,"load":"%s"}\n' "$n" \
            "$(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS"
    fi
    grep -E '^[0-9.]+ \[' "$OUT/last_stderr.txt" > "$OUT/stages_$n.txt" || true
    if [ -f "$SESSIONS/sis_bench_$n.sis" ]; then
        printf '{"measure":"bundle_%s","bytes":%s}\n' "$n" \
            "$(stat -c %s "$SESSIONS/sis_bench_$n.sis")" >> "$RESULTS"
    fi
    rm -f "$SESSIONS/sis_bench_$n.sis"
done

"$PY" bench/report.py "$RESULTS" | tee "$OUT/table.md"
