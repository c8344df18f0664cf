#!/usr/bin/env bash
# Benchmark (asserts nothing): kernel start to the first result of a cell that builds an ND4J array,
# then a cell that builds a lattice and a wave function. Writes data/bench/kernel_start.csv.
#
#   bash kernel-config/bench-kernel.sh [runs]      # default 5 runs
#
# Measures the installed kernelspec "qdiff" (bash kernel-config/install.sh); set JUPYTER_PATH to
# kernel-config/target/jupyter to measure the freshly built jar instead.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"

source "$here/scripts/ensure-jupyter.sh"
ensure_jupyter
if ! "$JUPYTER" kernelspec list 2>/dev/null | grep -q '^ *qdiff '; then
  bash "$here/install.sh"
fi

"$PYTHON" "$here/scripts/bench_kernel.py" "$root/data/bench/kernel_start.csv" --runs "${1:-5}"
