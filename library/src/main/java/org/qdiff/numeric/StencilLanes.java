package org.qdiff.numeric;

import static jdk.incubator.vector.DoubleVector.fromArray;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The row interiors of {@link SparseOperator}'s stencil in SIMD lanes (the JDK's {@code
 * jdk.incubator.vector}), for JVMs started with {@code --add-modules jdk.incubator.vector}.
 *
 * <p>Why: the JIT compiles the scalar interior loops to one site per instruction, which leaves one
 * core at about half the memory bandwidth; in lanes one core reaches the bandwidth bound. Each
 * method does the lanes of {@code [from, to)} that fill whole vectors and returns the first site it
 * left, for the scalar loop to finish. Every lane computes the scalar loop's sum in the scalar
 * loop's order, with separate multiplies and adds (no fused multiply-add), so both give the same
 * bits.
 *
 * <p>Only {@link SparseOperator} calls this class, and only after {@link #lanes()} answered, so
 * that a JVM without the module never loads it.
 */
final class StencilLanes {

  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

  private StencilLanes() {}

  /** Doubles per vector on this processor (1 means no SIMD worth using). */
  static int lanes() {
    return S.length();
  }

  /**
   * One row interior, real and imaginary parts: {@code out_i = d_i x_i + t (x_{i-1} + x_{i+1}) +
   * w_0 x_{i+o_0} + ... [+ gamma p_i]} with {@code d_i = d0 + alpha v_i} (v null: d0), over the
   * first {@code slots} (0, 2 or 4) transverse rows; p null leaves out the gamma term.
   *
   * <p>Why one method per neighbour count and two loop shapes: the JIT keeps every vector of a
   * small loop in registers but boxes them once a method outgrows its inlining budget, and a loop
   * over both parts with p runs out of registers (measured twice as slow); a row of x stays in the
   * level-1 cache between the two parts, so the loop per part costs no memory traffic.
   *
   * @return the first site of {@code [from, to)} not done
   */
  static int rowInterior(
      double[] xr,
      double[] xi,
      double[] v,
      double d0,
      double alpha,
      double t,
      int slots,
      int[] offset,
      double[] weight,
      double[] pr,
      double[] pi,
      double gamma,
      double[] or,
      double[] oi,
      int from,
      int to) {
    if (pr == null) {
      if (slots == 0) {
        return both0(xr, xi, v, d0, alpha, t, or, oi, from, to);
      } else if (slots == 2) {
        return both2(xr, xi, v, d0, alpha, t, offset, weight, or, oi, from, to);
      }
      return both4(xr, xi, v, d0, alpha, t, offset, weight, or, oi, from, to);
    }
    if (slots == 0) {
      part0(xr, v, d0, alpha, t, pr, gamma, or, from, to);
      return part0(xi, v, d0, alpha, t, pi, gamma, oi, from, to);
    } else if (slots == 2) {
      part2(xr, v, d0, alpha, t, offset, weight, pr, gamma, or, from, to);
      return part2(xi, v, d0, alpha, t, offset, weight, pi, gamma, oi, from, to);
    }
    part4(xr, v, d0, alpha, t, offset, weight, pr, gamma, or, from, to);
    return part4(xi, v, d0, alpha, t, offset, weight, pi, gamma, oi, from, to);
  }

  /** {@code out = H x} on both parts, without p. */
  private static int both0(
      double[] xr,
      double[] xi,
      double[] v,
      double d0,
      double alpha,
      double t,
      double[] or,
      double[] oi,
      int from,
      int to) {
    final int n = S.length();
    final int upper = to - n;
    final DoubleVector constant = DoubleVector.broadcast(S, d0);
    int i = from;
    for (; i <= upper; i += n) {
      DoubleVector d = v == null ? constant : fromArray(S, v, i).mul(alpha).add(d0);
      d.mul(fromArray(S, xr, i))
          .add(fromArray(S, xr, i - 1).add(fromArray(S, xr, i + 1)).mul(t))
          .intoArray(or, i);
      d.mul(fromArray(S, xi, i))
          .add(fromArray(S, xi, i - 1).add(fromArray(S, xi, i + 1)).mul(t))
          .intoArray(oi, i);
    }
    return i;
  }

  /** {@code out = H x} on both parts, without p. */
  private static int both2(
      double[] xr,
      double[] xi,
      double[] v,
      double d0,
      double alpha,
      double t,
      int[] offset,
      double[] weight,
      double[] or,
      double[] oi,
      int from,
      int to) {
    final int o0 = offset[0];
    final int o1 = offset[1];
    final double w0 = weight[0];
    final double w1 = weight[1];
    final int n = S.length();
    final int upper = to - n;
    final DoubleVector constant = DoubleVector.broadcast(S, d0);
    int i = from;
    for (; i <= upper; i += n) {
      DoubleVector d = v == null ? constant : fromArray(S, v, i).mul(alpha).add(d0);
      d.mul(fromArray(S, xr, i))
          .add(fromArray(S, xr, i - 1).add(fromArray(S, xr, i + 1)).mul(t))
          .add(fromArray(S, xr, i + o0).mul(w0))
          .add(fromArray(S, xr, i + o1).mul(w1))
          .intoArray(or, i);
      d.mul(fromArray(S, xi, i))
          .add(fromArray(S, xi, i - 1).add(fromArray(S, xi, i + 1)).mul(t))
          .add(fromArray(S, xi, i + o0).mul(w0))
          .add(fromArray(S, xi, i + o1).mul(w1))
          .intoArray(oi, i);
    }
    return i;
  }

  /** {@code out = H x} on both parts, without p. */
  private static int both4(
      double[] xr,
      double[] xi,
      double[] v,
      double d0,
      double alpha,
      double t,
      int[] offset,
      double[] weight,
      double[] or,
      double[] oi,
      int from,
      int to) {
    final int o0 = offset[0];
    final int o1 = offset[1];
    final int o2 = offset[2];
    final int o3 = offset[3];
    final double w0 = weight[0];
    final double w1 = weight[1];
    final double w2 = weight[2];
    final double w3 = weight[3];
    final int n = S.length();
    final int upper = to - n;
    final DoubleVector constant = DoubleVector.broadcast(S, d0);
    int i = from;
    for (; i <= upper; i += n) {
      DoubleVector d = v == null ? constant : fromArray(S, v, i).mul(alpha).add(d0);
      d.mul(fromArray(S, xr, i))
          .add(fromArray(S, xr, i - 1).add(fromArray(S, xr, i + 1)).mul(t))
          .add(fromArray(S, xr, i + o0).mul(w0))
          .add(fromArray(S, xr, i + o1).mul(w1))
          .add(fromArray(S, xr, i + o2).mul(w2))
          .add(fromArray(S, xr, i + o3).mul(w3))
          .intoArray(or, i);
      d.mul(fromArray(S, xi, i))
          .add(fromArray(S, xi, i - 1).add(fromArray(S, xi, i + 1)).mul(t))
          .add(fromArray(S, xi, i + o0).mul(w0))
          .add(fromArray(S, xi, i + o1).mul(w1))
          .add(fromArray(S, xi, i + o2).mul(w2))
          .add(fromArray(S, xi, i + o3).mul(w3))
          .intoArray(oi, i);
    }
    return i;
  }

  /** {@code out = H x + gamma p} on one part. */
  private static int part0(
      double[] x,
      double[] v,
      double d0,
      double alpha,
      double t,
      double[] p,
      double gamma,
      double[] out,
      int from,
      int to) {
    final int n = S.length();
    final int upper = to - n;
    final DoubleVector constant = DoubleVector.broadcast(S, d0);
    int i = from;
    for (; i <= upper; i += n) {
      DoubleVector d = v == null ? constant : fromArray(S, v, i).mul(alpha).add(d0);
      d.mul(fromArray(S, x, i))
          .add(fromArray(S, x, i - 1).add(fromArray(S, x, i + 1)).mul(t))
          .add(fromArray(S, p, i).mul(gamma))
          .intoArray(out, i);
    }
    return i;
  }

  /** {@code out = H x + gamma p} on one part. */
  private static int part2(
      double[] x,
      double[] v,
      double d0,
      double alpha,
      double t,
      int[] offset,
      double[] weight,
      double[] p,
      double gamma,
      double[] out,
      int from,
      int to) {
    final int o0 = offset[0];
    final int o1 = offset[1];
    final double w0 = weight[0];
    final double w1 = weight[1];
    final int n = S.length();
    final int upper = to - n;
    final DoubleVector constant = DoubleVector.broadcast(S, d0);
    int i = from;
    for (; i <= upper; i += n) {
      DoubleVector d = v == null ? constant : fromArray(S, v, i).mul(alpha).add(d0);
      d.mul(fromArray(S, x, i))
          .add(fromArray(S, x, i - 1).add(fromArray(S, x, i + 1)).mul(t))
          .add(fromArray(S, x, i + o0).mul(w0))
          .add(fromArray(S, x, i + o1).mul(w1))
          .add(fromArray(S, p, i).mul(gamma))
          .intoArray(out, i);
    }
    return i;
  }

  /** {@code out = H x + gamma p} on one part. */
  private static int part4(
      double[] x,
      double[] v,
      double d0,
      double alpha,
      double t,
      int[] offset,
      double[] weight,
      double[] p,
      double gamma,
      double[] out,
      int from,
      int to) {
    final int o0 = offset[0];
    final int o1 = offset[1];
    final int o2 = offset[2];
    final int o3 = offset[3];
    final double w0 = weight[0];
    final double w1 = weight[1];
    final double w2 = weight[2];
    final double w3 = weight[3];
    final int n = S.length();
    final int upper = to - n;
    final DoubleVector constant = DoubleVector.broadcast(S, d0);
    int i = from;
    for (; i <= upper; i += n) {
      DoubleVector d = v == null ? constant : fromArray(S, v, i).mul(alpha).add(d0);
      d.mul(fromArray(S, x, i))
          .add(fromArray(S, x, i - 1).add(fromArray(S, x, i + 1)).mul(t))
          .add(fromArray(S, x, i + o0).mul(w0))
          .add(fromArray(S, x, i + o1).mul(w1))
          .add(fromArray(S, x, i + o2).mul(w2))
          .add(fromArray(S, x, i + o3).mul(w3))
          .add(fromArray(S, p, i).mul(gamma))
          .intoArray(out, i);
    }
    return i;
  }

  /**
   * One row interior of one part of x into a chunk buffer: {@code out[i - base] = d x_i + t
   * (x_{i-1} + x_{i+1}) + w_k x_{i+o_k}...}, with {@code d = dChunk[i - base]} (null: d0), over
   * {@code slots} transverse rows starting at {@code slot0} of offset and weight.
   *
   * @return the first site of {@code [from, to)} not done
   */
  static int chunkInterior(
      double[] x,
      double[] dChunk,
      double d0,
      double t,
      int slots,
      int[] offset,
      double[] weight,
      int slot0,
      double[] out,
      int base,
      int from,
      int to) {
    if (slots == 0) {
      return chunk0(x, dChunk, d0, t, out, base, from, to);
    } else if (slots == 2) {
      return chunk2(x, dChunk, d0, t, offset, weight, slot0, out, base, from, to);
    }
    return chunk4(x, dChunk, d0, t, offset, weight, slot0, out, base, from, to);
  }

  private static int chunk0(
      double[] x, double[] dChunk, double d0, double t, double[] out, int base, int from, int to) {
    final int n = S.length();
    final int upper = to - n;
    final DoubleVector constant = DoubleVector.broadcast(S, d0);
    int i = from;
    for (; i <= upper; i += n) {
      DoubleVector d = dChunk == null ? constant : fromArray(S, dChunk, i - base);
      d.mul(fromArray(S, x, i))
          .add(fromArray(S, x, i - 1).add(fromArray(S, x, i + 1)).mul(t))
          .intoArray(out, i - base);
    }
    return i;
  }

  private static int chunk2(
      double[] x,
      double[] dChunk,
      double d0,
      double t,
      int[] offset,
      double[] weight,
      int slot0,
      double[] out,
      int base,
      int from,
      int to) {
    final int o0 = offset[slot0];
    final int o1 = offset[slot0 + 1];
    final double w0 = weight[slot0];
    final double w1 = weight[slot0 + 1];
    final int n = S.length();
    final int upper = to - n;
    final DoubleVector constant = DoubleVector.broadcast(S, d0);
    int i = from;
    for (; i <= upper; i += n) {
      DoubleVector d = dChunk == null ? constant : fromArray(S, dChunk, i - base);
      d.mul(fromArray(S, x, i))
          .add(fromArray(S, x, i - 1).add(fromArray(S, x, i + 1)).mul(t))
          .add(fromArray(S, x, i + o0).mul(w0))
          .add(fromArray(S, x, i + o1).mul(w1))
          .intoArray(out, i - base);
    }
    return i;
  }

  private static int chunk4(
      double[] x,
      double[] dChunk,
      double d0,
      double t,
      int[] offset,
      double[] weight,
      int slot0,
      double[] out,
      int base,
      int from,
      int to) {
    final int o0 = offset[slot0];
    final int o1 = offset[slot0 + 1];
    final int o2 = offset[slot0 + 2];
    final int o3 = offset[slot0 + 3];
    final double w0 = weight[slot0];
    final double w1 = weight[slot0 + 1];
    final double w2 = weight[slot0 + 2];
    final double w3 = weight[slot0 + 3];
    final int n = S.length();
    final int upper = to - n;
    final DoubleVector constant = DoubleVector.broadcast(S, d0);
    int i = from;
    for (; i <= upper; i += n) {
      DoubleVector d = dChunk == null ? constant : fromArray(S, dChunk, i - base);
      d.mul(fromArray(S, x, i))
          .add(fromArray(S, x, i - 1).add(fromArray(S, x, i + 1)).mul(t))
          .add(fromArray(S, x, i + o0).mul(w0))
          .add(fromArray(S, x, i + o1).mul(w1))
          .add(fromArray(S, x, i + o2).mul(w2))
          .add(fromArray(S, x, i + o3).mul(w3))
          .intoArray(out, i - base);
    }
    return i;
  }
}
