#!/usr/bin/env bash
# Terminal round trip for notebooks (jupytext percent format; scratch/ is git-ignored).
#   tools/nb.sh py nbs/05_metrics.ipynb   -> writes scratch/05_metrics.py to edit
#   tools/nb.sh nb scratch/05_metrics.py  -> writes nbs/05_metrics.ipynb (keeps existing cell ids),
#                                            then nbdev_clean, nbdev_export and nbdev_test on it
#   NOTEST=1 tools/nb.sh nb ...           -> same without running the notebook's tests
set -euo pipefail
cmd=${1:-}; f=${2:-}; name=$(basename "${f%.*}")
case $cmd in
  py) mkdir -p scratch; jupytext -q --to py:percent "$f" -o "scratch/$name.py"; echo "scratch/$name.py";;
  nb) out="${NB_DIR:-nbs}/$name.ipynb"
      if [ -f "$out" ]; then jupytext -q --update --to ipynb "$f" -o "$out"
      else jupytext -q --to ipynb --set-kernel python3 --update-metadata '{"jupytext": null}' "$f" -o "$out"; fi
      nbdev_clean --fname "$out"; nbdev_export
      [ -n "${NOTEST:-}" ] || nbdev_test --path "$out" --do_print --timing;;
  *) echo "usage: tools/nb.sh py NB.ipynb | tools/nb.sh nb SCRATCH.py" >&2; exit 2;;
esac
