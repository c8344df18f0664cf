package org.qdiff.hamiltonian;

import java.util.ArrayList;
import java.util.List;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.BandRows;
import org.qdiff.numeric.Parallel;
import org.qdiff.numeric.SparseOperator;

/**
 * Materializes the random band matrix (11) on a box: on a chain as band rows (N (2W + 1) values, no
 * index arrays), in d > 1 as compressed sparse rows. Both hold the same entries {@code H_xy = A_xy
 * + A_yx}, A_xy drawn at index {@code x N + y} of the stream.
 */
final class BandMatrix {

  private BandMatrix() {}

  static SparseOperator of(Lattice lattice, int width, Disorder entries, long stream) {
    return lattice.dimension() == 1
        ? banded(lattice, width, entries, stream)
        : compressed(lattice, width, entries, stream);
  }

  /** The band of a chain, open or periodic: row x holds {@code H_{x,x+k}} for k = -W..W. */
  static SparseOperator banded(Lattice chain, int width, Disorder entries, long stream) {
    int n = chain.size();
    boolean periodic = chain.isPeriodic(0);
    // On an open chain no row reaches farther than N - 1: a wider band would only store zeros.
    int b = periodic ? width : Math.min(width, n - 1);
    int stride = 2 * b + 1;
    double[] values = new double[Math.multiplyExact(n, stride)];
    // Each entry is a function of (seed, stream, index): filling in parallel changes nothing.
    Parallel.forRange(
        n,
        (from, to) -> {
          for (int x = from; x < to; x++) {
            for (int k = -b; k <= b; k++) {
              int y = x + k;
              if (y < 0 || y >= n) {
                if (!periodic) {
                  continue;
                }
                y = y < 0 ? y + n : y - n;
              }
              values[x * stride + k + b] =
                  entries.value(stream, (long) x * n + y) + entries.value(stream, (long) y * n + x);
            }
          }
        });
    return SparseOperator.banded(BandRows.of(n, b, periodic, values));
  }

  /** Compressed sparse rows on a box of any dimension. */
  static SparseOperator compressed(Lattice lattice, int width, Disorder entries, long stream) {
    int d = lattice.dimension();
    // All displacement vectors with |delta| <= W, including 0 (the diagonal 2 A_xx).
    List<int[]> offsets = new ArrayList<>();
    int[] delta = new int[d];
    collect(offsets, delta, 0, width);
    int n = lattice.size();
    int[] rowStart = new int[n + 1];
    int[] column = new int[n * offsets.size()];
    double[] re = new double[column.length];
    double[] im = new double[column.length];
    int[] x = new int[d];
    int[] y = new int[d];
    int k = 0;
    for (int site = 0; site < n; site++) {
      rowStart[site] = k;
      int[] c = lattice.coordinates(site);
      System.arraycopy(c, 0, x, 0, d);
      for (int[] off : offsets) {
        boolean inside = true;
        for (int a = 0; a < d; a++) {
          int v = x[a] + off[a];
          int lo = lattice.minCoordinate(a);
          int hi = lo + lattice.side(a) - 1;
          if (v < lo || v > hi) {
            if (lattice.isPeriodic(a)) {
              v = v < lo ? v + lattice.side(a) : v - lattice.side(a);
            } else {
              inside = false;
              break;
            }
          }
          y[a] = v;
        }
        if (!inside) {
          continue;
        }
        int other = lattice.site(y);
        column[k] = other;
        // H_xy = A_xy + A_yx: symmetric by construction, each ordered pair its own draw.
        re[k] =
            entries.value(stream, (long) site * n + other)
                + entries.value(stream, (long) other * n + site);
        k++;
      }
    }
    rowStart[n] = k;
    if (k < column.length) {
      column = java.util.Arrays.copyOf(column, k);
      re = java.util.Arrays.copyOf(re, k);
      im = java.util.Arrays.copyOf(im, k);
    }
    for (int site = 0; site < n; site++) {
      sortRow(rowStart[site], rowStart[site + 1], column, re);
    }
    return SparseOperator.compressedRows(rowStart, column, re, im);
  }

  private static void collect(List<int[]> out, int[] delta, int axis, int width) {
    if (axis == delta.length) {
      long r2 = 0;
      for (int v : delta) {
        r2 += (long) v * v;
      }
      if (r2 <= (long) width * width) {
        out.add(delta.clone());
      }
      return;
    }
    for (int v = -width; v <= width; v++) {
      delta[axis] = v;
      collect(out, delta, axis + 1, width);
    }
  }

  private static void sortRow(int from, int to, int[] column, double[] value) {
    for (int i = from + 1; i < to; i++) {
      int c = column[i];
      double v = value[i];
      int j = i - 1;
      while (j >= from && column[j] > c) {
        column[j + 1] = column[j];
        value[j + 1] = value[j];
        j--;
      }
      column[j + 1] = c;
      value[j + 1] = v;
    }
  }
}
