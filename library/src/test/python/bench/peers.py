"""Peers of qdiff's propagation benchmark: the same Hamiltonian evolved by SciPy, NumPy or QuTiP.

The Java benchmark (org.qdiff.bench) writes the on-site potential v of its Hamiltonian as raw
little-endian float64, one value per site in qdiff's numbering (row-major, the last axis fastest).
This script builds the same H = -sum_<x,y> |x><y| + diag(v) on a periodic box with scipy.sparse,
evolves the delta state at the given site to time T by one method, writes psi(T) as raw
little-endian float64 (all real parts, then all imaginary parts) and prints one JSON line:
method, wall_s (the evolution only, as qdiff's time covers its evolution only), h_applications,
peak_rss_mb (the whole Python process) and the library versions. The Java side computes the error
against its own 1e-13 reference and the MSD, with the same definitions for every method.
Asserts nothing.

Methods:
  expm_multiply  scipy.sparse.linalg.expm_multiply(-i T H, psi0): Al-Mohy and Higham's truncated
                 Taylor series; its tolerance is fixed at double precision (2^-53), it cannot be
                 relaxed to 1e-10 through the public API. Products of H with a vector, including
                 those of its norm estimates, are counted by wrapping the sparse matrix class.
  chebyshev      the Chebyshev expansion written with NumPy/SciPy as qdiff writes it in Java:
                 Gershgorin bounds widened by 1e-3, Bessel coefficients J_k (scipy.special.jv),
                 the series cut where 2 sum_{k>K} |J_k| <= tolerance, steps split beyond
                 halfWidth |tau| = 4000.
  qutip          qutip.sesolve with atol = tolerance / 10^4 and rtol = tolerance / 100: tolerances
                 on the local error per ODE step, tightened until the global error reaches the
                 tolerance (16^3, W = 4, T = 10: 2.5e-9 with atol = tolerance / 100 and rtol =
                 tolerance, 1.3e-10 with these; the Java side measures the global error of every
                 run). Exit status 3 with a JSON "skipped" line when QuTiP is not installed.
"""

import argparse
import json
import math
import resource
import sys
import time

import numpy as np
import scipy
import scipy.sparse as sp
import scipy.special

# qdiff's constants (ChebyshevPropagator.SAFETY_MARGIN and Chebyshev.MAX_ARGUMENT).
SAFETY_MARGIN = 1e-3
MAX_ARGUMENT = 4000.0

SKIPPED = 3


def periodic_ring(n, hopping):
    """-hopping on the bonds of a periodic chain of n sites (n >= 3), as CSR."""
    i = np.arange(n)
    rows = np.concatenate([i, i])
    cols = np.concatenate([(i + 1) % n, (i - 1) % n])
    data = np.full(2 * n, -hopping)
    return sp.csr_matrix((data, (rows, cols)), shape=(n, n))


def hamiltonian(sides, potential, hopping=1.0):
    """H on a periodic box, sites numbered row-major (first axis slowest) as in qdiff."""
    n = int(np.prod(sides))
    if potential.size != n:
        raise ValueError(f"potential has {potential.size} values, the box {sides} has {n} sites")
    h = sp.diags(potential, 0, shape=(n, n), format="csr")
    for axis, side in enumerate(sides):
        before = int(np.prod(sides[:axis]))
        after = int(np.prod(sides[axis + 1:]))
        term = periodic_ring(side, hopping)
        if after > 1:
            term = sp.kron(term, sp.identity(after, format="csr"), format="csr")
        if before > 1:
            term = sp.kron(sp.identity(before, format="csr"), term, format="csr")
        h = h + term
    h = h.tocsr()
    h.sum_duplicates()
    h.sort_indices()
    return h


def gershgorin_bounds(h):
    diagonal = h.diagonal()
    radius = np.asarray(abs(h).sum(axis=1)).ravel() - np.abs(diagonal)
    return float(np.min(diagonal - radius)), float(np.max(diagonal + radius))


def bessel_coefficients(x, tolerance):
    """J_k(|x|), k = 0..K, K the smallest order with 2 sum_{k>K} |J_k| <= tolerance."""
    ax = abs(x)
    orders = int(math.ceil(ax + 20 * np.cbrt(ax) + 40))
    j = scipy.special.jv(np.arange(orders), ax) if ax > 0 else np.array([1.0])
    cut = len(j) - 1
    tail = 0.0
    while cut > 0 and tail + 2 * abs(j[cut]) <= tolerance:
        tail += 2 * abs(j[cut])
        cut -= 1
    return j[: cut + 1]


def chebyshev(h, psi, time_t, tolerance):
    """exp(-i H T) psi by the Chebyshev expansion; returns (psi(T), applications of H)."""
    lo, hi = gershgorin_bounds(h)
    center = 0.5 * (lo + hi)
    scale = max(abs(lo), abs(hi))
    half_width = 0.5 * (hi - lo) * (1 + SAFETY_MARGIN) + 1e-12 * max(1.0, scale)
    pieces = max(1, int(math.ceil(abs(half_width * time_t) / MAX_ARGUMENT)))
    tau = time_t / pieces
    j = bessel_coefficients(half_width * tau, tolerance)
    n = psi.size
    alpha = 1.0 / half_width
    beta = -center / half_width

    def apply(v):
        # H on a complex vector: one pass over the real matrix with re and im as two columns.
        return (h @ v.view(np.float64).reshape(n, 2)).view(np.complex128).ravel()

    applications = 0
    scratch = np.empty(n, dtype=np.complex128)
    for _ in range(pieces):
        acc = j[0] * psi
        if len(j) == 1:
            psi = acc * np.exp(-1j * center * tau)
            continue
        prev = psi
        cur = apply(psi)
        cur *= alpha
        cur += beta * psi
        applications += 1
        np.multiply(cur, 2 * (-1j) * j[1], out=scratch)
        acc += scratch
        for k in range(2, len(j)):
            nxt = apply(cur)
            applications += 1
            nxt *= 2 * alpha
            np.multiply(cur, 2 * beta, out=scratch)
            nxt += scratch
            nxt -= prev
            np.multiply(nxt, 2 * (-1j) ** k * j[k], out=scratch)
            acc += scratch
            prev, cur = cur, nxt
        psi = acc * np.exp(-1j * center * tau)
    return psi, applications


class ProductCounter:
    """Counts products of sparse matrices of one class with vectors (columns of a block count)."""

    NAMES = ("_mul_vector", "_mul_multivector", "_matmul_vector", "_matmul_multivector")

    def __init__(self, matrix_class):
        self.count = 0
        self.patched = []
        for name in self.NAMES:
            original = getattr(matrix_class, name, None)
            if original is None:
                continue
            setattr(matrix_class, name, self._wrap(original))
            self.patched.append(name)

    def _wrap(self, original):
        counter = self

        def counted(matrix, other, *args, **kwargs):
            counter.count += 1 if np.ndim(other) == 1 else np.shape(other)[1]
            return original(matrix, other, *args, **kwargs)

        return counted


def expm_multiply(h, psi, time_t):
    from scipy.sparse.linalg import expm_multiply as scipy_expm_multiply

    a = (h * (-1j * time_t)).tocsr()
    trace = complex(a.diagonal().sum())
    counter = ProductCounter(type(a))
    started = time.perf_counter()
    out = scipy_expm_multiply(a, psi, traceA=trace)
    seconds = time.perf_counter() - started
    return out, seconds, (counter.count if counter.patched else None)


def qutip_sesolve(h, psi, time_t, tolerance):
    import qutip

    n = psi.size
    hq = qutip.Qobj(h, dims=[[n], [n]])
    psi0 = qutip.Qobj(psi.reshape(n, 1), dims=[[n], [1]])
    major = int(qutip.__version__.split(".")[0])
    settings = {"atol": tolerance / 1e4, "rtol": tolerance / 100, "nsteps": 10**7}
    options = settings if major >= 5 else qutip.Options(**settings)
    started = time.perf_counter()
    result = qutip.sesolve(hq, psi0, [0.0, time_t], options=options)
    seconds = time.perf_counter() - started
    final = result.states[-1].full().ravel().astype(np.complex128)
    return final, seconds, qutip.__version__


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--method", required=True, choices=["expm_multiply", "chebyshev", "qutip"])
    parser.add_argument("--potential", required=True, help="raw little-endian float64 per site")
    parser.add_argument("--sides", required=True, help="box sides, e.g. 64,64,64")
    parser.add_argument("--site", type=int, required=True, help="index of the initial delta")
    parser.add_argument("--time", type=float, required=True)
    parser.add_argument("--tolerance", type=float, default=1e-10)
    parser.add_argument("--output", required=True, help="psi(T): re then im, float64 LE")
    args = parser.parse_args()

    versions = {"python": sys.version.split()[0], "numpy": np.__version__,
                "scipy": scipy.__version__}
    if args.method == "qutip":
        try:
            import qutip  # noqa: F401
        except ImportError:
            print(json.dumps({"method": "qutip", "skipped": "qutip not installed", **versions}))
            return SKIPPED

    sides = [int(s) for s in args.sides.split(",")]
    potential = np.fromfile(args.potential, dtype="<f8")
    h = hamiltonian(sides, potential)
    psi0 = np.zeros(potential.size, dtype=np.complex128)
    psi0[args.site] = 1.0

    note = ""
    if args.method == "chebyshev":
        started = time.perf_counter()
        psi, applications = chebyshev(h, psi0, args.time, args.tolerance)
        seconds = time.perf_counter() - started
    elif args.method == "expm_multiply":
        psi, seconds, applications = expm_multiply(h, psi0, args.time)
        note = "tolerance fixed at 2^-53 by SciPy"
        if applications is None:
            note += "; products not counted (unknown sparse class layout)"
    else:
        psi, seconds, version = qutip_sesolve(h, psi0, args.time, args.tolerance)
        applications = None
        versions["qutip"] = version
        note = f"atol {args.tolerance / 1e4:g}, rtol {args.tolerance / 100:g}; RHS calls not counted"

    out = np.concatenate([psi.real, psi.imag]).astype("<f8")
    out.tofile(args.output)
    print(json.dumps({"method": args.method, "wall_s": seconds, "h_applications": applications,
                      "peak_rss_mb": peak_rss_mb(), "note": note, **versions}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
