#!/usr/bin/env bash
# One labelling round with `query` at 0, 20, 100 and 1,000 labels on BCCD (docs/benchmarks.md §2).
# Usage: docs/scripts/query_rounds.sh RUN_DIR WORK_DIR
#   RUN_DIR: an `extract --csv` run folder (cells.parquet and cells.csv); WORK_DIR: a scratch folder.
# The answers come from BCCD's truth (cells.csv's cell_type), imported with `label` as a person's would be.
# The rounds that issue 60 and 880 cells only bring the ledger to 100 and 1,000 labels; the timed rounds
# issue 20. Each query prints its start-up and its steps; this prints each command's wall time.
set -euo pipefail
run="$1" work="$2"
here="$(cd "$(dirname "$0")/../.." && pwd)"
ledger="$work/ledger"
rm -rf "$ledger" "$work"/round-*
mkdir -p "$work"
answer() {
  /usr/bin/python3 - "$run/cells.csv" "$1" <<'PY'
import csv, sys
truth = {r['cell_key']: r['cell_type'] for r in csv.DictReader(open(sys.argv[1]))}
rows = list(csv.DictReader(open(sys.argv[2] + '/queries.csv')))
with open(sys.argv[2] + '/answers.csv', 'w', newline='') as f:
    w = csv.writer(f)
    w.writerow(['cell_key', 'label'])
    for r in rows:
        w.writerow([r['cell_key'], truth[r['cell_key']]])
PY
  "$here/submit.sh" label --ledger "$ledger" --answers "$1/answers.csv" > /dev/null
}
query() { # NAME BATCH_SIZE
  local out="$work/round-$1" start end
  start=$(date +%s%N)
  "$here/submit.sh" query --cells "$run/cells.parquet" --ledger "$ledger" --batch-size "$2" \
      --classes RBC,WBC,Platelets --out "$out" > "$out.log" 2>&1
  end=$(date +%s%N)
  printf '%s labels, batch %s: %.1f s wall; %s\n' "$1" "$2" "$(( (end - start) / 1000000 ))e-3" \
      "$(grep -E 'start-up|took' "$out.log" | tr '\n' ' ')"
}
query 0 20;    answer "$work/round-0"
query 20 20;   answer "$work/round-20"
query 40 60;   answer "$work/round-40"
query 100 20;  answer "$work/round-100"
query 120 880; answer "$work/round-120"
query 1000 20
