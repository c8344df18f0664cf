#!/usr/bin/env bash
# The qdiff benchmark (asserts nothing). Writes data/bench/results.csv (one row per case, method and
# thread count) and the chart data/bench/results.png, and prints a summary.
#
#   bash library/bench.sh [--case NAME] [--quick]
#
# NAME is a case or a group of cases (default: all, in this order):
#   hpsi_3d_L128 (hpsi)       one H psi on the 3D Anderson model L = 128, beside a STREAM triad
#   prop_3d_L64, prop_3d_L128, prop_2d_1024, prop_1d_1e6 (propagation)
#                             Chebyshev to 1e-10 on 1 and 2 threads, error against 1e-13, and the
#                             same H by SciPy expm_multiply, a NumPy Chebyshev and QuTiP (L <= 64)
#   scale_3d_L128, scale_3d_L256 (scale)
#                             2.1 and 16.8 million sites: wall time and peak memory
#   ensemble_1d_N4096 (ensemble)  256 Anderson chains: realizations per second on 1 and 2 threads
#   notebooks                 kernel start to first result, and each notebook's run time
# --quick runs reduced sizes into data/bench/quick/ (a smoke test of the harness).
#
# Each case runs in a JVM of its own, so the peak memory (VmHWM) of a case is its own; a case run
# again replaces its rows and keeps the others. Environment: QDIFF_BENCH_THREADS (default 1,2),
# QDIFF_BENCH_PYTHON (the interpreter for the Python peers; default: /usr/bin/python3, else python3
# on PATH, whichever has NumPy and SciPy), QDIFF_BENCH_PEER_TIMEOUT (seconds per peer, default 600),
# QDIFF_BENCH_KERNEL_RUNS (fresh kernels timed, default 5).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"

selected="all"
quick=""
while [ $# -gt 0 ]; do
  case "$1" in
    --case) selected="${2:?--case needs a name}"; shift 2 ;;
    --case=*) selected="${1#--case=}"; shift ;;
    --quick) quick="--quick"; shift ;;
    -h|--help) sed -n '2,22p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

propagation=(prop_3d_L64 prop_3d_L128 prop_2d_1024 prop_1d_1e6)
case "$selected" in
  all) cases=(hpsi_3d_L128 "${propagation[@]}" scale_3d_L128 scale_3d_L256 ensemble_1d_N4096 notebooks) ;;
  hpsi) cases=(hpsi_3d_L128) ;;
  propagation) cases=("${propagation[@]}") ;;
  scale) cases=(scale_3d_L128 scale_3d_L256) ;;
  ensemble) cases=(ensemble_1d_N4096) ;;
  hpsi_3d_L128|prop_3d_L64|prop_3d_L128|prop_2d_1024|prop_1d_1e6|scale_3d_L128|scale_3d_L256|ensemble_1d_N4096|notebooks)
    cases=("$selected") ;;
  *) echo "unknown case: $selected (see --help)" >&2; exit 2 ;;
esac

out="$root/data/bench${quick:+/quick}"
mkdir -p "$out"
log="$out/bench.log"
echo "== qdiff benchmark $(date -u +%FT%TZ): ${cases[*]} ${quick}; $(uptime)" | tee -a "$log"

# Maven offline first (everything is in ~/.m2 after one build), online if that fails.
mvn_run() {
  (cd "$1" && shift && { mvn -B -q -o "$@" || mvn -B -q "$@"; })
}

echo "== building the library and its benchmark classes" | tee -a "$log"
mvn_run "$here" test-compile
classpath_file="$here/target/bench-classpath.txt"
mvn_run "$here" dependency:build-classpath -Dmdep.outputFile="$classpath_file" \
  -Dmdep.includeScope=runtime >/dev/null
classpath="$here/target/test-classes:$here/target/classes:$(cat "$classpath_file")"

python="${QDIFF_BENCH_PYTHON:-}"
if [ -z "$python" ]; then
  for candidate in /usr/bin/python3 "$(command -v python3 || true)"; do
    if [ -n "$candidate" ] && "$candidate" -c 'import numpy, scipy' >/dev/null 2>&1; then
      python="$candidate"
      break
    fi
  done
fi
if [ -n "$python" ]; then
  echo "== Python peers: $python ($("$python" -c 'import numpy, scipy, sys; print("Python", sys.version.split()[0], "NumPy", numpy.__version__, "SciPy", scipy.__version__)'))" | tee -a "$log"
  if ! "$python" -c 'import qutip' >/dev/null 2>&1; then
    echo "   qutip not installed: skipped" | tee -a "$log"
  fi
else
  echo "== Python with NumPy and SciPy not found: the Python peers are skipped" | tee -a "$log"
fi

# Collector and heap per case: the largest heaps hold three 256 MiB triad arrays (hpsi) or the
# states of several runs (propagation). The scale case runs on the JVM's default collector (G1,
# which returns large dead arrays such as the Lanczos vectors at its next collection) in a heap of
# the budget's live part, four complex vectors and the potential (72 bytes a site), plus 150 MiB:
# it shows that the run needs no more, and its peak RSS is then what the budget counts.
jvm_for() {
  case "$1" in
    scale_3d_L128|scale_3d_L256)
      local side="${1#scale_3d_L}"
      [ -n "$quick" ] && side=$(( side == 128 ? 32 : 48 ))  # ScaleCase.side's quick sizes
      echo "-XX:+UseG1GC -Xmx$(( 72 * side * side * side / 1048576 + 150 ))m" ;;
    hpsi_3d_L128|prop_*) echo "-XX:+UseParallelGC -Xmx4g" ;;
    *) echo "-XX:+UseParallelGC -Xmx2g" ;;
  esac
}

run_java() {
  local name="$1" options="$2"
  shift 2
  # shellcheck disable=SC2086 # the options are separate words
  java $options --add-modules=jdk.incubator.vector -Djava.awt.headless=true \
    -Dqdiff.data="$root/data" \
    -Dqdiff.bench.threads="${QDIFF_BENCH_THREADS:-1,2}" \
    -Dqdiff.bench.python="$python" \
    -Dqdiff.bench.peers="$here/src/test/python/bench/peers.py" \
    -Dqdiff.bench.peerTimeout="${QDIFF_BENCH_PEER_TIMEOUT:-600}" \
    -cp "$classpath" org.qdiff.bench.BenchmarkMain "$name" $quick "$@" 2>&1 | tee -a "$log"
  return "${PIPESTATUS[0]}"
}

notebooks() {
  # The notebooks run on the kernel built from this tree (kernel-config/target/jupyter), never on
  # one installed for the user, and write their figures under data/ as usual.
  echo "== building the kernel (mvn package)" | tee -a "$log"
  mvn_run "$root" -DskipTests package
  source "$root/kernel-config/scripts/ensure-jupyter.sh"
  ensure_jupyter
  export JUPYTER_PATH="$root/kernel-config/target/jupyter" QDIFF_DATA="$root/data"
  local runs="${QDIFF_BENCH_KERNEL_RUNS:-5}" notebooks_dir="$root/notebooks"
  if [ -n "$quick" ]; then
    runs=1
    notebooks_dir="$out/notebooks-input"
    rm -rf "$notebooks_dir" && mkdir -p "$notebooks_dir"
    cp "$(ls "$root"/notebooks/*.ipynb | head -1)" "$notebooks_dir/"
  fi
  "$PYTHON" "$root/kernel-config/scripts/bench_kernel.py" "$out/kernel_start.csv" --runs "$runs" \
    2>&1 | tee -a "$log"
  # A notebook with an error is recorded with its status; the benchmark goes on.
  "$PYTHON" "$root/kernel-config/scripts/run_notebooks.py" "$notebooks_dir" "$out/notebooks" \
    2>&1 | tee -a "$log" || true
}

failed=()
for name in "${cases[@]}"; do
  started=$(date +%s)
  if [ "$name" = notebooks ]; then
    notebooks
  fi
  if run_java "$name" "$(jvm_for "$name")"; then
    echo "== $name done in $(( $(date +%s) - started )) s" | tee -a "$log"
  else
    echo "== $name FAILED after $(( $(date +%s) - started )) s" | tee -a "$log"
    failed+=("$name")
  fi
done

run_java report "-XX:+UseParallelGC -Xmx1g"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "failed cases: ${failed[*]}" >&2
  exit 1
fi
