#!/usr/bin/env bash
# Executes every notebooks/*.ipynb headless on the qdiff kernel (nbclient) and writes the executed
# notebooks and timings.csv (wall seconds per notebook) to data/notebooks/. Figures the notebooks
# save go to data/ themselves. Exits non-zero if a notebook has an error.
#
#   bash kernel-config/run-notebooks.sh [notebooks-dir] [output-dir]
#
# Needs the kernelspec "qdiff" (bash kernel-config/install.sh); installs it when missing.
# QDIFF_CELL_TIMEOUT sets the limit per cell in seconds (default 1800).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
notebooks="${1:-$root/notebooks}"
output="${2:-$root/data/notebooks}"

source "$here/scripts/ensure-jupyter.sh"
ensure_jupyter
if ! "$JUPYTER" kernelspec list 2>/dev/null | grep -q '^ *qdiff '; then
  bash "$here/install.sh"
fi

"$PYTHON" "$here/scripts/run_notebooks.py" "$notebooks" "$output" \
  --cell-timeout "${QDIFF_CELL_TIMEOUT:-1800}"
