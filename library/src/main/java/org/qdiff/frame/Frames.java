package org.qdiff.frame;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Small static helpers between qdiff's arrays and Tablesaw tables: build a checked table, read and
 * write CSV, find the project's {@code data/} directory, and read a column back as {@code
 * double[]}.
 */
public final class Frames {

  /** System property that overrides {@link #dataDirectory()}. */
  public static final String DATA_PROPERTY = "qdiff.data";

  /** Environment variable that overrides {@link #dataDirectory()} when the property is unset. */
  public static final String DATA_ENVIRONMENT = "QDIFF_DATA";

  private Frames() {}

  /**
   * A table of {@code double} columns.
   *
   * @param name the table's name (shown by Tablesaw above the rows)
   * @param columnNames one distinct, non-blank name per column, usually from {@link Columns}
   * @param columns the values, {@code columns[c][row]}; all of the same length (not modified,
   *     copied)
   * @return a new table with one {@code DoubleColumn} per name, in order
   * @throws IllegalArgumentException if a name is null, blank or repeated, if the numbers of names
   *     and columns differ, if the columns differ in length (the message names the column), or if a
   *     value is NaN (the message names the column and the row: Tablesaw would show it as a missing
   *     value)
   */
  public static Table table(String name, String[] columnNames, double[][] columns) {
    String where = "Frames.table";
    requireNonNull(where, "name", name);
    requireNonNull(where, "columnNames", columnNames);
    requireNonNull(where, "columns", columns);
    if (columnNames.length != columns.length) {
      throw new IllegalArgumentException(
          where
              + ": got "
              + columnNames.length
              + " column names but "
              + columns.length
              + " columns; give one name per column");
    }
    Set<String> seen = new HashSet<>();
    for (int c = 0; c < columnNames.length; c++) {
      String column = columnNames[c];
      if (column == null || column.isBlank()) {
        throw new IllegalArgumentException(
            where + ": columnNames[" + c + "] must be a non-blank name, got " + quote(column));
      }
      // Tablesaw looks columns up ignoring case, so "T" and "t" would shadow each other.
      if (!seen.add(column.toLowerCase(java.util.Locale.ROOT))) {
        throw new IllegalArgumentException(
            where + ": column name " + quote(column) + " appears more than once");
      }
      if (columns[c] == null) {
        throw new IllegalArgumentException(
            where + ": values of column " + quote(column) + " must not be null");
      }
    }
    Table table = Table.create(name);
    for (int c = 0; c < columns.length; c++) {
      double[] values = columns[c];
      if (values.length != columns[0].length) {
        throw new IllegalArgumentException(
            where
                + ": column "
                + quote(columnNames[c])
                + " has "
                + values.length
                + " rows but column "
                + quote(columnNames[0])
                + " has "
                + columns[0].length
                + "; all columns must have the same length");
      }
      for (int row = 0; row < values.length; row++) {
        if (Double.isNaN(values[row])) {
          throw new IllegalArgumentException(
              where
                  + ": column "
                  + quote(columnNames[c])
                  + " is NaN at row "
                  + row
                  + " (Tablesaw would show it as missing; NaN means a computation failed)");
        }
      }
      table.addColumns(DoubleColumn.create(columnNames[c], values.clone()));
    }
    return table;
  }

  /**
   * Writes a table as CSV (header row, comma separated, doubles in full precision), atomically: the
   * rows go to a temporary file in the same directory, which then replaces {@code file}, so a
   * reader never sees a half-written file. Parent directories are created.
   *
   * @param table the table (not modified)
   * @param file the destination, e.g. {@code dataDirectory().resolve("msd.csv")}
   * @return {@code file}
   * @throws UncheckedIOException naming the file if it cannot be written
   */
  public static Path writeCsv(Table table, Path file) {
    String where = "Frames.writeCsv";
    requireNonNull(where, "table", table);
    requireNonNull(where, "file", file);
    Path target = file.toAbsolutePath().normalize();
    Path directory = target.getParent();
    Path temporary = null;
    try {
      Files.createDirectories(directory);
      // A hidden sibling (same file system, so the move can be atomic); not createTempFile,
      // whose owner-only permissions the final file would keep.
      temporary =
          target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
      table.write().csv(temporary.toFile());
      try {
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        // Some file systems cannot rename atomically; a plain replace is the best they offer.
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(where + ": cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // Only a leftover hidden temporary file; the write itself succeeded or already threw.
        }
      }
    }
  }

  /**
   * Reads a CSV file with a header row, as written by {@link #writeCsv}. Every column whose values
   * all parse as numbers becomes a {@code DoubleColumn} (also when they look like integers, such as
   * positions {@code x}), the others become string columns; empty cells are missing values. A file
   * with a header but no rows gives an empty table with one double column per header name.
   *
   * @param file the CSV file
   * @return a new table named after the file
   * @throws UncheckedIOException naming the file if it cannot be read
   */
  public static Table readCsv(Path file) {
    String where = "Frames.readCsv";
    requireNonNull(where, "file", file);
    if (!Files.isRegularFile(file)) {
      throw new UncheckedIOException(
          where + ": no such file " + file.toAbsolutePath(),
          new java.io.FileNotFoundException(file.toString()));
    }
    CsvReadOptions options =
        CsvReadOptions.builder(file.toFile())
            // Only DOUBLE and STRING: integer-looking columns (x, seeds) stay doubles, so a round
            // trip gives back the same column types qdiff wrote.
            .columnTypesToDetect(List.of(ColumnType.DOUBLE, ColumnType.STRING))
            // Look at every row, not a sample, so a late non-number cannot break the parse.
            .sample(false)
            .build();
    try {
      Table table = Table.read().usingOptions(options);
      if (table.columnCount() == 0) {
        // Header only: Tablesaw detects types from rows and, finding none, drops every column.
        // A table written empty by writeCsv should come back empty but with its double columns.
        table =
            Table.read()
                .usingOptions(
                    CsvReadOptions.builder(file.toFile()).columnTypes(name -> ColumnType.DOUBLE));
      }
      return table;
    } catch (RuntimeException e) {
      if (e.getCause() instanceof IOException) {
        throw new UncheckedIOException(
            where + ": cannot read " + file.toAbsolutePath() + ": " + e.getCause().getMessage(),
            (IOException) e.getCause());
      }
      throw e;
    }
  }

  /**
   * The project's {@code data/} directory, where notebooks and benchmarks put their tables and
   * figures. In order of precedence:
   *
   * <ol>
   *   <li>the system property {@value #DATA_PROPERTY}, if set and not blank;
   *   <li>the environment variable {@value #DATA_ENVIRONMENT}, if set and not blank;
   *   <li>walking up from the working directory, the {@code data/} folder of the first directory
   *       that contains both a {@code pom.xml} and a {@code data/} folder (a notebook in {@code
   *       notebooks/} and a test in {@code library/} both find the repository's {@code data/});
   *   <li>otherwise {@code ./data}.
   * </ol>
   *
   * The directory is created if it does not exist.
   *
   * @return the absolute, normalized path of the directory
   * @throws UncheckedIOException if the directory cannot be created
   */
  public static Path dataDirectory() {
    Path directory =
        locateDataDirectory(
            System.getProperty(DATA_PROPERTY),
            System.getenv(DATA_ENVIRONMENT),
            Path.of("").toAbsolutePath());
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Frames.dataDirectory: cannot create " + directory + ": " + e.getMessage(), e);
    }
    return directory;
  }

  /** The rules of {@link #dataDirectory()} with their inputs explicit (tests set them). */
  static Path locateDataDirectory(String property, String environment, Path workingDirectory) {
    if (property != null && !property.isBlank()) {
      return Path.of(property.strip()).toAbsolutePath().normalize();
    }
    if (environment != null && !environment.isBlank()) {
      return Path.of(environment.strip()).toAbsolutePath().normalize();
    }
    Path working = workingDirectory.toAbsolutePath().normalize();
    for (Path dir = working; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("data"))) {
        return dir.resolve("data");
      }
    }
    return working.resolve("data");
  }

  /**
   * The values of a numeric column as a new {@code double[]} (integer columns are widened).
   *
   * @param table the table (not modified)
   * @param columnName the column, e.g. {@link Columns#MSD}
   * @return a copy of the column's values, one per row
   * @throws IllegalArgumentException if the table has no such column (the message lists the table's
   *     columns), if the column is not numeric, or if it has a missing value (the message names the
   *     row)
   */
  public static double[] column(Table table, String columnName) {
    String where = "Frames.column";
    requireNonNull(where, "table", table);
    requireNonNull(where, "columnName", columnName);
    if (!table.containsColumn(columnName)) {
      throw new IllegalArgumentException(
          where
              + ": no column "
              + quote(columnName)
              + " in table "
              + quote(table.name())
              + "; its columns are "
              + table.columnNames());
    }
    Column<?> column = table.column(columnName);
    if (!(column instanceof NumericColumn)) {
      throw new IllegalArgumentException(
          where
              + ": column "
              + quote(columnName)
              + " of table "
              + quote(table.name())
              + " holds "
              + column.type().name()
              + " values, not numbers");
    }
    for (int row = 0; row < column.size(); row++) {
      if (column.isMissing(row)) {
        throw new IllegalArgumentException(
            where + ": column " + quote(columnName) + " has a missing value at row " + row);
      }
    }
    return ((NumericColumn<?>) column).asDoubleArray();
  }

  private static void requireNonNull(String where, String parameter, Object value) {
    if (value == null) {
      throw new IllegalArgumentException(where + ": " + parameter + " must not be null");
    }
  }

  private static String quote(String s) {
    return s == null ? "null" : "'" + s + "'";
  }
}
