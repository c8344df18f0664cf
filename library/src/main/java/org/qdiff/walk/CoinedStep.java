package org.qdiff.walk;

import java.util.Arrays;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Parallel;

/**
 * The kernel of one walk step, {@code psi -> S (1 x C) psi}, on the split buffers of {@link
 * CoinedState} (index {@code x * c + k}).
 *
 * <p>The coin and the shift are fused into one pass: for each site the c coined amplitudes {@code
 * phi(x, j) = sum_k C_jk psi(x, k)} are computed from the input buffer and written straight to
 * their shifted place {@code target[x * c + j]} in the output buffer. The shift is a permutation,
 * so every output entry is written exactly once, by one thread, whatever the blocking: the result
 * does not depend on the number of threads. Nothing is allocated per step; the loop bodies for the
 * two directions of buffer swapping are made once.
 */
final class CoinedStep {

  private final int c;
  private final int sites;
  private final double[] coinRe;
  private final double[] coinIm;
  private final int[] target;

  CoinedStep(Coin coin, int[] target, int sites) {
    this.c = coin.dimension();
    this.sites = sites;
    this.coinRe = coin.realEntries();
    this.coinIm = coin.imaginaryEntries();
    this.target = target;
  }

  /**
   * A loop body applying one step from {@code (re, im)} (not modified) into {@code (outRe, outIm)}
   * (modified: every entry written). The buffers must be distinct.
   */
  Parallel.RangeBody body(double[] re, double[] im, double[] outRe, double[] outIm) {
    if (re == outRe || im == outIm || re == im || outRe == outIm) {
      throw new IllegalArgumentException("CoinedStep.body: input and output buffers must differ");
    }
    if (c == 2) {
      return (from, to) -> applyTwo(from, to, re, im, outRe, outIm);
    }
    return (from, to) -> apply(from, to, re, im, outRe, outIm);
  }

  /** Number of sites: the range of the loop. */
  int sites() {
    return sites;
  }

  private void apply(int from, int to, double[] re, double[] im, double[] outRe, double[] outIm) {
    for (int x = from; x < to; x++) {
      int base = x * c;
      for (int j = 0; j < c; j++) {
        int row = j * c;
        double sr = 0;
        double si = 0;
        for (int k = 0; k < c; k++) {
          double cr = coinRe[row + k];
          double ci = coinIm[row + k];
          double ar = re[base + k];
          double ai = im[base + k];
          sr += cr * ar - ci * ai;
          si += cr * ai + ci * ar;
        }
        int t = target[base + j];
        outRe[t] = sr;
        outIm[t] = si;
      }
    }
  }

  // c = 2 unrolled (the walk on Z and on cycles): the arithmetic of apply with the loops opened.
  private void applyTwo(
      int from, int to, double[] re, double[] im, double[] outRe, double[] outIm) {
    double c00r = coinRe[0];
    double c01r = coinRe[1];
    double c10r = coinRe[2];
    double c11r = coinRe[3];
    double c00i = coinIm[0];
    double c01i = coinIm[1];
    double c10i = coinIm[2];
    double c11i = coinIm[3];
    for (int x = from; x < to; x++) {
      int base = 2 * x;
      double a0r = re[base];
      double a0i = im[base];
      double a1r = re[base + 1];
      double a1i = im[base + 1];
      int t0 = target[base];
      int t1 = target[base + 1];
      outRe[t0] = (c00r * a0r - c00i * a0i) + (c01r * a1r - c01i * a1i);
      outIm[t0] = (c00r * a0i + c00i * a0r) + (c01r * a1i + c01i * a1r);
      outRe[t1] = (c10r * a0r - c10i * a0i) + (c11r * a1r - c11i * a1i);
      outIm[t1] = (c10r * a0i + c10i * a0r) + (c11r * a1i + c11i * a1r);
    }
  }

  /** Writes {@code p(x) = sum_k |psi(x, k)|^2} into {@code out} (length N, modified). */
  static void probabilities(int c, double[] re, double[] im, double[] out) {
    Parallel.forRange(out.length, (from, to) -> probabilityRange(c, re, im, out, from, to));
  }

  static void probabilityRange(int c, double[] re, double[] im, double[] out, int from, int to) {
    for (int x = from; x < to; x++) {
      double p = 0;
      for (int i = x * c; i < (x + 1) * c; i++) {
        p += re[i] * re[i] + im[i] * im[i];
      }
      out[x] = p;
    }
  }

  // ---------------------------------------------------------------- shift tables

  /**
   * The shift as a permutation of the indices {@code x * c + k}: {@code target[x * c + k]} is where
   * the amplitude of (x, k) goes. The caller has checked that the lattice is a periodic box (c =
   * 2d) or a regular graph of degree c, and that the moving shift is only asked for on a box.
   */
  static int[] targets(Lattice lattice, Shift shift, int c) {
    int n = lattice.size();
    int[] target = new int[n * c];
    if (lattice.isBox()) {
      int d = lattice.dimension();
      for (int a = 0; a < d; a++) {
        int stride = lattice.stride(a);
        int side = lattice.side(a);
        int min = lattice.minCoordinate(a);
        for (int x = 0; x < n; x++) {
          int u = lattice.coordinate(x, a) - min;
          int plus = u + 1 < side ? x + stride : x - (side - 1) * stride;
          int minus = u > 0 ? x - stride : x + (side - 1) * stride;
          if (shift == Shift.MOVING) {
            target[x * c + 2 * a] = plus * c + 2 * a;
            target[x * c + 2 * a + 1] = minus * c + 2 * a + 1;
          } else {
            target[x * c + 2 * a] = plus * c + 2 * a + 1;
            target[x * c + 2 * a + 1] = minus * c + 2 * a;
          }
        }
      }
    } else {
      // Flip-flop on a graph: arc k of x leads to y, the k-th entry of x's neighbour list; the
      // walker arrives on the arc of y that leads back to x. The lists need not be sorted (the
      // hypercube lists its neighbours by bit), so the back arc is found in a sorted copy of each
      // list that remembers the original slots.
      int[][] adjacency = lattice.adjacency();
      int[] start = adjacency[0];
      int[] neighbour = adjacency[1];
      long[] sorted = new long[neighbour.length];
      for (int y = 0; y < n; y++) {
        for (int j = start[y]; j < start[y + 1]; j++) {
          // Neighbour in the high bits, slot in the low bits: sorting orders by neighbour.
          sorted[j] = ((long) neighbour[j] << 32) | (j - start[y]);
        }
        Arrays.sort(sorted, start[y], start[y + 1]);
      }
      for (int x = 0; x < n; x++) {
        for (int k = 0; k < c; k++) {
          int y = neighbour[start[x] + k];
          int at = Arrays.binarySearch(sorted, start[y], start[y + 1], (long) x << 32);
          // x appears once in y's list; the key (x, slot 0) is either that entry or just before it,
          // so the search returns it or -(its position) - 1.
          int position = at >= 0 ? at : -at - 1;
          if (position >= start[y + 1] || (int) (sorted[position] >>> 32) != x) {
            throw new IllegalStateException(
                "CoinedStep.targets: vertex " + x + " is a neighbour of " + y + " but not back");
          }
          int back = (int) (sorted[position] & 0xffffffffL);
          target[x * c + k] = y * c + back;
        }
      }
    }
    requirePermutation(target);
    return target;
  }

  // A shift that is not a permutation would silently lose probability: guard the tables.
  private static void requirePermutation(int[] target) {
    boolean[] hit = new boolean[target.length];
    for (int i = 0; i < target.length; i++) {
      int t = target[i];
      if (t < 0 || t >= target.length || hit[t]) {
        throw new IllegalStateException(
            "CoinedStep.targets: the shift table is not a permutation at index " + i);
      }
      hit[t] = true;
    }
  }
}
