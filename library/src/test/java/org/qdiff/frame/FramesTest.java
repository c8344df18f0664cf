package org.qdiff.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class FramesTest {

  @TempDir Path temp;

  private static Table msdTable() {
    return Frames.table(
        "run",
        new String[] {Columns.TIME, Columns.MSD},
        new double[][] {{0.1, 0.2, 0.4}, {0.02, 0.08, 0.32}});
  }

  // ---------------------------------------------------------------- table

  @Test
  void tableHasOneDoubleColumnPerNameInOrder() {
    Table t = msdTable();
    assertEquals("run", t.name());
    assertEquals(List.of("t", "msd"), t.columnNames());
    assertEquals(ColumnType.DOUBLE, t.column("msd").type());
    assertArrayEquals(new double[] {0.02, 0.08, 0.32}, Frames.column(t, "msd"));
  }

  @Test
  void tableCopiesItsInput() {
    double[] t = {1, 2};
    Table table = Frames.table("copy", new String[] {"t"}, new double[][] {t});
    t[0] = 99;
    assertEquals(1.0, table.doubleColumn("t").get(0));
  }

  @Test
  void tableRejectsNaNNamingColumnAndRow() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Frames.table(
                    "run",
                    new String[] {"t", "msd"},
                    new double[][] {{1, 2, 3}, {1, 4, Double.NaN}}));
    assertTrue(e.getMessage().contains("Frames.table"), e.getMessage());
    assertTrue(e.getMessage().contains("'msd'"), e.getMessage());
    assertTrue(e.getMessage().contains("row 2"), e.getMessage());
  }

  @Test
  void tableKeepsInfinitiesWhichTablesawDoesNotMistakeForMissing() {
    Table t = Frames.table("inf", new String[] {"v"}, new double[][] {{Double.POSITIVE_INFINITY}});
    assertEquals(Double.POSITIVE_INFINITY, Frames.column(t, "v")[0]);
  }

  @Test
  void tableRejectsColumnsOfDifferentLengthNamingTheColumn() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Frames.table("run", new String[] {"t", "msd"}, new double[][] {{1, 2, 3}, {1, 4}}));
    assertTrue(e.getMessage().contains("'msd' has 2 rows"), e.getMessage());
    assertTrue(e.getMessage().contains("'t' has 3"), e.getMessage());
  }

  @Test
  void tableRejectsMoreNamesThanColumns() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Frames.table("run", new String[] {"t", "msd"}, new double[][] {{1}}));
    assertTrue(e.getMessage().contains("2 column names but 1 columns"), e.getMessage());
  }

  @Test
  void tableRejectsRepeatedAndBlankColumnNames() {
    IllegalArgumentException repeated =
        assertThrows(
            IllegalArgumentException.class,
            () -> Frames.table("run", new String[] {"t", "T"}, new double[][] {{1}, {2}}));
    assertTrue(repeated.getMessage().contains("'T' appears more than once"));
    IllegalArgumentException blank =
        assertThrows(
            IllegalArgumentException.class,
            () -> Frames.table("run", new String[] {" "}, new double[][] {{1}}));
    assertTrue(blank.getMessage().contains("columnNames[0]"), blank.getMessage());
  }

  // ---------------------------------------------------------------- CSV

  @Test
  void csvRoundTripPreservesEveryDoubleExactly() {
    double[] t = {0.1, 1.0 / 3, 1e-300, 12345.678901234567, 2.0};
    double[] x = {-2, -1, 0, 1, 2};
    double[] p = {Math.PI, Math.E, Double.MIN_VALUE, Double.MAX_VALUE, -0.0};
    Table written = Frames.table("profile", new String[] {"t", "x", "p"}, new double[][] {t, x, p});
    Path file = Frames.writeCsv(written, temp.resolve("profile.csv"));
    Table read = Frames.readCsv(file);
    assertEquals(List.of("t", "x", "p"), read.columnNames());
    assertArrayEquals(t, Frames.column(read, "t"));
    assertArrayEquals(x, Frames.column(read, "x"));
    assertArrayEquals(p, Frames.column(read, "p"));
    // Integer-looking positions come back as doubles, the type they were written with.
    assertEquals(ColumnType.DOUBLE, read.column("x").type());
  }

  @Test
  void csvRoundTripOfAnEmptyTableKeepsItsColumns() {
    Table empty = Frames.table("empty", new String[] {"t", "msd"}, new double[][] {{}, {}});
    Table read = Frames.readCsv(Frames.writeCsv(empty, temp.resolve("empty.csv")));
    assertEquals(List.of("t", "msd"), read.columnNames());
    assertEquals(0, read.rowCount());
    assertEquals(ColumnType.DOUBLE, read.column("msd").type());
  }

  @Test
  void readCsvKeepsTextColumnsAsStrings() throws IOException {
    Path file = temp.resolve("labels.csv");
    Files.writeString(file, "model,w\nanderson,16.5\nband,4\n");
    Table read = Frames.readCsv(file);
    assertEquals(ColumnType.STRING, read.column("model").type());
    assertArrayEquals(new double[] {16.5, 4}, Frames.column(read, "w"));
  }

  @Test
  void writeCsvCreatesParentDirectoriesAndLeavesNoTemporaryFile() throws IOException {
    Path file = temp.resolve("a/b/msd.csv");
    assertEquals(file, Frames.writeCsv(msdTable(), file));
    assertTrue(Files.isRegularFile(file));
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertEquals(List.of("msd.csv"), files.map(f -> f.getFileName().toString()).toList());
    }
    assertTrue(Files.readString(file).startsWith("t,msd"));
  }

  @Test
  void writeCsvReplacesAnExistingFile() throws IOException {
    Path file = temp.resolve("msd.csv");
    Files.writeString(file, "old contents that are longer than the new table\n".repeat(10));
    Frames.writeCsv(msdTable(), file);
    assertArrayEquals(new double[] {0.1, 0.2, 0.4}, Frames.column(Frames.readCsv(file), "t"));
  }

  @Test
  void readCsvOfAMissingFileNamesTheFile() {
    Path file = temp.resolve("nowhere.csv");
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Frames.readCsv(file));
    assertTrue(e.getMessage().contains("nowhere.csv"), e.getMessage());
  }

  // ---------------------------------------------------------------- data directory

  @Test
  void dataDirectoryHonoursTheSystemProperty() {
    Path wanted = temp.resolve("custom-data");
    String before = System.getProperty(Frames.DATA_PROPERTY);
    System.setProperty(Frames.DATA_PROPERTY, wanted.toString());
    try {
      Path found = Frames.dataDirectory();
      assertEquals(wanted.toAbsolutePath().normalize(), found);
      assertTrue(Files.isDirectory(found), "created if missing");
    } finally {
      if (before == null) {
        System.clearProperty(Frames.DATA_PROPERTY);
      } else {
        System.setProperty(Frames.DATA_PROPERTY, before);
      }
    }
  }

  @Test
  void dataDirectoryPropertyWinsOverEnvironment() {
    Path found = Frames.locateDataDirectory("/p/data", "/e/data", temp);
    assertEquals(Path.of("/p/data"), found);
    assertEquals(Path.of("/e/data"), Frames.locateDataDirectory(" ", "/e/data", temp));
  }

  @Test
  void dataDirectoryWalksUpToTheProjectWithPomAndData() throws IOException {
    Path project = temp.resolve("project");
    Files.createDirectories(project.resolve("data"));
    Files.writeString(project.resolve("pom.xml"), "<project/>");
    Path notebooks = Files.createDirectories(project.resolve("notebooks/chapter1"));
    // A module with a pom.xml but no data/ is passed over on the way up.
    Files.writeString(project.resolve("notebooks/pom.xml"), "<project/>");
    assertEquals(project.resolve("data"), Frames.locateDataDirectory(null, null, notebooks));
  }

  @Test
  void dataDirectoryFallsBackToDataUnderTheWorkingDirectory() throws IOException {
    Path lonely = Files.createDirectories(temp.resolve("lonely"));
    // temp itself may lie under a project, so only check the fallback when none is found above.
    Path found = Frames.locateDataDirectory(null, null, lonely);
    boolean projectAbove =
        Stream.iterate(lonely, p -> p != null, Path::getParent)
            .anyMatch(p -> Files.isRegularFile(p.resolve("pom.xml")));
    if (!projectAbove) {
      assertEquals(lonely.resolve("data"), found);
    }
  }

  // ---------------------------------------------------------------- column

  @Test
  void columnWidensIntegerColumnsToDoubles() {
    Table t = Table.create("ints").addColumns(IntColumn.create("x", -1, 0, 1));
    assertArrayEquals(new double[] {-1, 0, 1}, Frames.column(t, "x"));
  }

  @Test
  void columnNamesTheMissingColumnAndListsTheTablesColumns() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Frames.column(msdTable(), "msdd"));
    assertTrue(e.getMessage().contains("'msdd'"), e.getMessage());
    assertTrue(e.getMessage().contains("[t, msd]"), e.getMessage());
  }

  @Test
  void columnRejectsTextColumns() {
    Table t = Table.create("labels").addColumns(StringColumn.create("model", "anderson"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Frames.column(t, "model"));
    assertTrue(e.getMessage().contains("STRING"), e.getMessage());
  }

  @Test
  void columnRejectsMissingValuesNamingTheRow() throws IOException {
    Path file = temp.resolve("gap.csv");
    Files.writeString(file, "t,msd\n1,2\n2,\n");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Frames.column(Frames.readCsv(file), "msd"));
    assertTrue(e.getMessage().contains("row 1"), e.getMessage());
  }
}
