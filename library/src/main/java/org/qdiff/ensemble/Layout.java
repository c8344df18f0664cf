package org.qdiff.ensemble;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.qdiff.frame.Columns;

/**
 * The columns every realization of one ensemble shares: which are keys (copied into the mean
 * table), which are averaged, and the reference realization the others are checked against.
 */
final class Layout {

  final RealizationData reference;
  final int referenceIndex;
  final int[] keys;
  final int[] values;

  private Layout(RealizationData reference, int referenceIndex, int[] keys, int[] values) {
    this.reference = reference;
    this.referenceIndex = referenceIndex;
    this.keys = keys;
    this.values = values;
  }

  /**
   * The layout of an ensemble whose realization {@code index} gave {@code data}.
   *
   * @param keyNames the names given to {@code by(...)}, or null for the default (the first column)
   * @throws IllegalArgumentException if a key is not a column, a value column is not numeric, no
   *     value column is left, or a column of the mean or realization table would be named twice
   */
  static Layout of(RealizationData data, int index, String[] keyNames) {
    String what = describe(data, index);
    int[] keys;
    if (keyNames == null) {
      keys = new int[] {0};
    } else {
      keys = new int[keyNames.length];
      for (int k = 0; k < keyNames.length; k++) {
        keys[k] = data.indexOf(keyNames[k]);
        if (keys[k] < 0) {
          throw new IllegalArgumentException(
              "Ensemble.by: no column '"
                  + keyNames[k]
                  + "' in the table of "
                  + what
                  + ", whose columns are "
                  + Arrays.toString(data.names)
                  + "; name key columns exactly, or call by() for none");
        }
      }
    }
    List<Integer> valueList = new ArrayList<>();
    for (int c = 0; c < data.names.length; c++) {
      final int column = c;
      if (Arrays.stream(keys).noneMatch(k -> k == column)) {
        if (!data.kinds[c].numeric()) {
          throw new IllegalArgumentException(
              "Ensemble.run: column '"
                  + data.names[c]
                  + "' of "
                  + what
                  + " holds STRING values, which cannot be averaged; make it a key column with"
                  + " by(...)");
        }
        valueList.add(c);
      }
    }
    if (valueList.isEmpty()) {
      throw new IllegalArgumentException(
          "Ensemble.run: every column of "
              + what
              + " "
              + Arrays.toString(data.names)
              + " is a key column, so there is nothing to average"
              + (keyNames == null
                  ? "; the first column is the key by default: call by() with no names if it is"
                      + " a measured value (e.g. a one-row table of scalars)"
                  : "; call by(...) with fewer names"));
    }
    int[] values = valueList.stream().mapToInt(Integer::intValue).toArray();
    // Tablesaw looks columns up ignoring case: "msd_sem" and "MSD_sem" would shadow each other.
    Set<String> taken = new HashSet<>();
    for (String name : data.names) {
      taken.add(name.toLowerCase(Locale.ROOT));
    }
    for (int c : values) {
      String sem = Columns.sem(data.names[c]);
      if (taken.contains(sem.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "Ensemble.run: the standard error of column '"
                + data.names[c]
                + "' goes into a column '"
                + sem
                + "', but "
                + what
                + " already has such a column; drop or rename it in the realization's table");
      }
    }
    if (taken.contains(Columns.REALIZATION)) {
      throw new IllegalArgumentException(
          "Ensemble.run: "
              + what
              + " has a column named '"
              + Columns.REALIZATION
              + "', the name the table of all realizations uses for their index; rename it");
    }
    return new Layout(data, index, keys, values);
  }

  /** Whether {@code data} has the reference's columns and rows and the same keys. */
  boolean agrees(RealizationData data) {
    if (!reference.sameShape(data)) {
      return false;
    }
    for (int k : keys) {
      for (int row = 0; row < data.rows; row++) {
        if (!reference.sameValue(k, data, row)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Checks that realization {@code index} has the reference's columns and rows and the same keys.
   *
   * @throws CheckpointException if either comes from a checkpoint file (another ensemble's)
   * @throws IllegalArgumentException if both were computed now (the realization is inconsistent)
   */
  void check(RealizationData data, int index) {
    if (!reference.sameShape(data)) {
      throw mismatch(
          data,
          index,
          describe(data, index)
              + " has "
              + data.shape()
              + " but "
              + describe(reference, referenceIndex)
              + " has "
              + reference.shape());
    }
    for (int k : keys) {
      for (int row = 0; row < data.rows; row++) {
        if (!reference.sameValue(k, data, row)) {
          throw mismatch(
              data,
              index,
              "key column '"
                  + reference.names[k]
                  + "' differs at row "
                  + row
                  + ": "
                  + reference.text(k, row)
                  + " in "
                  + describe(reference, referenceIndex)
                  + ", "
                  + data.text(k, row)
                  + " in "
                  + describe(data, index));
        }
      }
    }
  }

  private RuntimeException mismatch(RealizationData data, int index, String problem) {
    Path file = data.file != null ? data.file : reference.file;
    if (file == null) {
      return new IllegalArgumentException(
          "Ensemble.run: "
              + problem
              + "; every realization must return the same columns, the same number of rows and"
              + " the same key columns (choose them with by(...), or by() for none)");
    }
    return new CheckpointException(
        file,
        "Ensemble.run: "
            + problem
            + ": the checkpoint directory "
            + file.getParent()
            + " holds realizations of another ensemble (same seed, other measurements). Choose"
            + " another checkpoint name, or delete the directory to start afresh");
  }

  private static String describe(RealizationData data, int index) {
    return data.file == null
        ? "realization " + index
        : "realization " + index + " (checkpoint file " + data.file + ")";
  }
}
