#!/usr/bin/env bash
# Executes notebooks/learning-curves.ipynb headless on a simulate run folder and fails when any
# cell fails. The executed copy, with its outputs, is left as RUN_DIR/learning-curves.executed.ipynb.
# Needs Debian's jupyter-nbconvert, python3-ipykernel, python3-pandas and python3-matplotlib.
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 RUN_DIR   (a folder holding curves.csv and summary.csv)" >&2
    exit 2
fi
if [ ! -d "$1" ]; then
    echo "run-notebook.sh: $1: no such run folder" >&2
    exit 2
fi
run_dir=$(cd "$1" && pwd)
for f in curves.csv summary.csv; do
    if [ ! -f "$run_dir/$f" ]; then
        echo "run-notebook.sh: $run_dir/$f: missing; is this a simulate output folder?" >&2
        exit 2
    fi
done
if ! command -v jupyter >/dev/null 2>&1; then
    echo "run-notebook.sh: jupyter not found; install it with:" >&2
    echo "  apt-get install -y jupyter-nbconvert python3-ipykernel python3-pandas python3-matplotlib" >&2
    exit 2
fi
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# nbconvert exits non-zero when a cell raises (no --allow-errors).
CELLACTIVE_RUN="$run_dir" MPLBACKEND=Agg PYDEVD_DISABLE_FILE_VALIDATION=1 jupyter nbconvert --to notebook --execute \
    --ExecutePreprocessor.kernel_name=python3 \
    --ExecutePreprocessor.timeout=600 \
    --output-dir "$run_dir" --output learning-curves.executed \
    "$here/learning-curves.ipynb"
echo "run-notebook.sh: executed notebook: $run_dir/learning-curves.executed.ipynb"
