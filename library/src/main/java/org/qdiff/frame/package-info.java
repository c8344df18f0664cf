/**
 * Results as Tablesaw tables: the column conventions and the few helpers that make, read and write
 * them.
 *
 * <p><b>One row per time, one column per quantity.</b> A run tabulates its observables on a time
 * grid; each observable is one {@code double} column whose name is a short, stable snake_case word
 * from {@link org.qdiff.frame.Columns} ({@code t}, {@code msd}, {@code return_probability}, ...).
 * Notebooks, CSV files in {@code data/} and plots all refer to columns by these names, so they
 * never change once published. Profiles p_t(x) are "long" tables with columns {@code t}, {@code x},
 * {@code p}: one row per (time, position) pair.
 *
 * <p><b>No NaN.</b> Tablesaw reads {@code NaN} in a {@code DoubleColumn} as "missing" and prints it
 * as an empty cell, which would hide a numerical failure; {@link org.qdiff.frame.Frames#table}
 * therefore rejects NaN, naming the column and the row.
 *
 * <p><b>Files.</b> {@link org.qdiff.frame.Frames#writeCsv} writes atomically (a temporary file
 * moved into place) so that an interrupted notebook never leaves half a CSV in {@code data/};
 * {@link org.qdiff.frame.Frames#dataDirectory()} finds that directory from a notebook, a test or a
 * benchmark alike.
 *
 * <p>This package depends on Tablesaw only, so every other package may use it.
 */
package org.qdiff.frame;
