#!/usr/bin/env bash
# Re-execute notebooks in place so that their committed outputs (tables, figures) are current.
#   tools/run_nbs.sh                  every notebook (slow cells skipped, as in nbdev_test; tutorials at their
#                                     default size, as a reader runs them), then nbdev_clean
#   tools/run_nbs.sh nbs/05_metrics.ipynb ...   only these
# Experiment notebooks display committed results from figures/*.json: re-running them takes seconds, not the
# hours of their `slow` cells. Prints the time per notebook and in total; exits non-zero at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
if [ $# -gt 0 ]; then nbs=("$@"); else mapfile -t nbs < <(git ls-files 'nbs/*.ipynb' 'nbs/**/*.ipynb'); fi
t0=$(date +%s)
for f in "${nbs[@]}"; do
  t=$(date +%s)
  case $f in nbs/tutorials/*) python tools/run_nb.py "$f" --as-user >/dev/null;; *) python tools/run_nb.py "$f" >/dev/null;; esac
  printf '%-40s %5d s\n' "$f" $(( $(date +%s) - t ))
done
nbdev_clean
printf 'all %d notebooks in %d s\n' "${#nbs[@]}" $(( $(date +%s) - t0 ))
