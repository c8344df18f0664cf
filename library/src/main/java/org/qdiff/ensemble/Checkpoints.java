package org.qdiff.ensemble;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;
import org.qdiff.random.Seed;

/**
 * The checkpoint directory of one ensemble run: one file per finished realization, read back on
 * resume.
 *
 * <p>A file {@code realization-000017.ckpt} holds, big-endian: the magic bytes {@code QDIFFENS},
 * the format version, the master seed, the realization index and its seed, the table's name, the
 * column names and types, the number of rows, the values (doubles as their exact bits, ints, longs,
 * UTF-8 strings) and a CRC-32C of everything before it. It is written to a hidden temporary file in
 * the same directory, forced to the disk, then renamed over the final name in one atomic step: a
 * crash leaves either the whole file or none, plus at most a temporary file that the next run
 * deletes. A lock file keeps two runs from filling the same directory at once.
 */
final class Checkpoints implements AutoCloseable {

  static final int FORMAT_VERSION = 1;
  private static final byte[] MAGIC = "QDIFFENS".getBytes(StandardCharsets.US_ASCII);
  private static final Pattern FILE = Pattern.compile("realization-(\\d{6,10})\\.ckpt");
  private static final Pattern TEMPORARY = Pattern.compile("\\.realization-\\d+\\.ckpt\\..*\\.tmp");
  private static final String LOCK = ".lock";
  private static final String WHERE = "Ensemble.run";

  private final Path directory;
  private final Seed master;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private int ignored;

  private Checkpoints(Path directory, Seed master, FileChannel lockChannel, FileLock lock) {
    this.directory = directory;
    this.master = master;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Creates the directory if needed, locks it and deletes temporary files a crash left behind.
   *
   * @throws IllegalArgumentException if the path is an existing file
   * @throws IllegalStateException if another run holds the directory
   * @throws UncheckedIOException if the directory cannot be created or locked
   */
  static Checkpoints open(Path directory, Seed master) {
    Path dir = directory.toAbsolutePath().normalize();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          WHERE + ": checkpoint directory " + dir + " is a file; choose another checkpoint");
    }
    FileChannel channel = null;
    // A pending interrupt would close the lock's channel; the run itself reacts to it later.
    boolean interrupted = Thread.interrupted();
    try {
      Files.createDirectories(dir);
      channel =
          FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by this JVM
      }
      if (lock == null) {
        throw new IllegalStateException(
            WHERE
                + ": another run is using the checkpoint directory "
                + dir
                + " right now (in this or another process); wait for it to end, or choose another"
                + " checkpoint");
      }
      Checkpoints opened = new Checkpoints(dir, master, channel, lock);
      channel = null;
      opened.deleteTemporaryFiles();
      return opened;
    } catch (IOException e) {
      throw new UncheckedIOException(
          WHERE + ": cannot use checkpoint directory " + dir + ": " + e.getMessage(), e);
    } finally {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignoredClose) {
          // The open already failed; that failure is the one to report.
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The directory, absolute. */
  Path directory() {
    return directory;
  }

  /** The file of realization {@code index}. */
  Path fileOf(int index) {
    return directory.resolve(String.format(Locale.ROOT, "realization-%06d.ckpt", index));
  }

  /** Checkpoint files found by {@link #load} for realizations beyond R (kept, not used). */
  int ignored() {
    return ignored;
  }

  private void deleteTemporaryFiles() throws IOException {
    // Written by a run that crashed before its rename: never a finished realization.
    for (Path path : list()) {
      if (TEMPORARY.matcher(path.getFileName().toString()).matches()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private List<Path> list() throws IOException {
    List<Path> paths = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
      for (Path path : stream) {
        paths.add(path);
      }
    }
    paths.sort(null); // the zero-padded names sort in realization order
    return paths;
  }

  /**
   * Reads every saved realization with index below {@code into.length} into its slot.
   *
   * @return how many were read
   * @throws CheckpointException for the first file (in realization order) that cannot be used
   */
  int load(RealizationData[] into) {
    int loaded = 0;
    List<Path> paths;
    try {
      paths = list();
    } catch (IOException e) {
      throw new UncheckedIOException(
          WHERE + ": cannot list checkpoint directory " + directory + ": " + e.getMessage(), e);
    }
    for (Path path : paths) {
      Matcher m = FILE.matcher(path.getFileName().toString());
      if (!m.matches()) {
        continue; // the lock, or a file the user put there
      }
      long index = Long.parseLong(m.group(1));
      if (index >= into.length) {
        ignored++;
        continue;
      }
      byte[] bytes;
      try (FileInputStream in = new FileInputStream(path.toFile())) {
        bytes = in.readAllBytes(); // a stream: not closed by an interrupt, unlike a channel
      } catch (IOException e) {
        throw new CheckpointException(
            path, WHERE + ": cannot read checkpoint file " + path + ": " + e.getMessage(), e);
      }
      into[(int) index] = decode(path, (int) index, bytes);
      loaded++;
    }
    return loaded;
  }

  /**
   * Saves a finished realization durably and atomically.
   *
   * @throws UncheckedIOException naming the file if it cannot be written
   */
  void save(int index, RealizationData data) {
    byte[] bytes = encode(index, data);
    Path target = fileOf(index);
    Path temporary =
        directory.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      // A stream, not a FileChannel: an interrupt of the thread (a notebook's Interrupt, when the
      // realizations run on the caller) would close a channel mid-write and lose a finished
      // realization; the stream ignores it.
      try (FileOutputStream out = new FileOutputStream(temporary.toFile())) {
        out.write(bytes);
        // On the disk before the rename makes it visible: a power cut cannot leave a named file
        // whose blocks were never written.
        out.getFD().sync();
      }
      try {
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        // Rare file systems cannot rename atomically; the checksum still catches a partial file.
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
      forceDirectory();
    } catch (IOException e) {
      throw new UncheckedIOException(
          WHERE + ": cannot save realization " + index + " to " + target + ": " + e.getMessage(),
          e);
    } finally {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException ignoredDelete) {
        // Only a leftover temporary file, deleted by the next run.
      }
    }
  }

  /** Makes the rename itself durable, where the platform allows opening a directory. */
  private void forceDirectory() {
    // Only a channel can force a directory; keep an interrupt from closing it.
    boolean interrupted = Thread.interrupted();
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      // Not supported everywhere (Windows); the file's own contents are already forced.
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  byte[] encode(int index, RealizationData data) {
    try {
      ByteArrayOutputStream bytes =
          new ByteArrayOutputStream(64 + 8 * data.rows * data.names.length);
      DataOutputStream out = new DataOutputStream(bytes);
      out.write(MAGIC);
      out.writeInt(FORMAT_VERSION);
      out.writeLong(master.value());
      out.writeLong(index);
      out.writeLong(master.realization(index).value());
      writeString(out, data.tableName);
      out.writeInt(data.names.length);
      for (int c = 0; c < data.names.length; c++) {
        writeString(out, data.names[c]);
        out.writeByte(data.kinds[c].tag);
      }
      out.writeInt(data.rows);
      for (int c = 0; c < data.names.length; c++) {
        switch (data.kinds[c]) {
          case DOUBLE:
            for (double v : (double[]) data.values[c]) {
              out.writeLong(Double.doubleToRawLongBits(v));
            }
            break;
          case INTEGER:
            for (int v : (int[]) data.values[c]) {
              out.writeInt(v);
            }
            break;
          case LONG:
            for (long v : (long[]) data.values[c]) {
              out.writeLong(v);
            }
            break;
          default:
            for (String v : (String[]) data.values[c]) {
              writeString(out, v);
            }
        }
      }
      out.flush();
      CRC32C crc = new CRC32C();
      crc.update(bytes.toByteArray());
      out.writeInt((int) crc.getValue());
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  /**
   * Reads one file's bytes.
   *
   * @throws CheckpointException if the file is corrupt or belongs to another ensemble
   */
  RealizationData decode(Path file, int index, byte[] bytes) {
    int headerBytes = MAGIC.length + 4;
    if (bytes.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) {
      throw corrupt(
          file,
          index,
          bytes.length < MAGIC.length
              ? "it is truncated (" + bytes.length + " bytes)"
              : "it does not start like an ensemble checkpoint (no QDIFFENS header)");
    }
    if (bytes.length < headerBytes + 4) {
      throw corrupt(file, index, "it is truncated (" + bytes.length + " bytes)");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    in.position(MAGIC.length);
    int version = in.getInt();
    if (version != FORMAT_VERSION) {
      throw new CheckpointException(
          file,
          WHERE
              + ": checkpoint file "
              + file
              + " has format version "
              + version
              + ", this qdiff reads version "
              + FORMAT_VERSION
              + ". Delete the directory "
              + directory
              + " (or this file, to have realization "
              + index
              + " computed again)");
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - 4);
    int stored = ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
    if (stored != (int) crc.getValue()) {
      throw corrupt(
          file,
          index,
          String.format(
              Locale.ROOT,
              "its checksum does not match (stored %08x, computed %08x): the file was truncated or"
                  + " modified",
              stored,
              (int) crc.getValue()));
    }
    try {
      long masterValue = in.getLong();
      long storedIndex = in.getLong();
      long realizationSeed = in.getLong();
      if (masterValue != master.value()) {
        throw foreign(
            file,
            "was written by an ensemble with master seed "
                + masterValue
                + ", but this ensemble has seed("
                + master.value()
                + ")");
      }
      if (storedIndex != index) {
        throw corrupt(
            file,
            index,
            "its name says realization " + index + " but it holds realization " + storedIndex);
      }
      if (realizationSeed != master.realization(index).value()) {
        throw foreign(
            file,
            "holds realization "
                + index
                + " with seed "
                + realizationSeed
                + ", but this qdiff derives seed "
                + master.realization(index).value()
                + " for it");
      }
      String tableName = readString(in);
      int columns = in.getInt();
      if (columns < 1 || columns > in.remaining()) {
        throw new IllegalStateException("column count " + columns);
      }
      String[] names = new String[columns];
      RealizationData.Kind[] kinds = new RealizationData.Kind[columns];
      for (int c = 0; c < columns; c++) {
        names[c] = readString(in);
        kinds[c] = RealizationData.Kind.ofTag(in.get());
        if (kinds[c] == null) {
          throw new IllegalStateException("unknown type of column '" + names[c] + "'");
        }
      }
      int rows = in.getInt();
      if (rows < 1 || rows > in.remaining()) {
        throw new IllegalStateException("row count " + rows);
      }
      Object[] values = new Object[columns];
      for (int c = 0; c < columns; c++) {
        switch (kinds[c]) {
          case DOUBLE:
            double[] d = new double[rows];
            for (int r = 0; r < rows; r++) {
              d[r] = Double.longBitsToDouble(in.getLong());
            }
            values[c] = d;
            break;
          case INTEGER:
            int[] n = new int[rows];
            for (int r = 0; r < rows; r++) {
              n[r] = in.getInt();
            }
            values[c] = n;
            break;
          case LONG:
            long[] l = new long[rows];
            for (int r = 0; r < rows; r++) {
              l[r] = in.getLong();
            }
            values[c] = l;
            break;
          default:
            String[] s = new String[rows];
            for (int r = 0; r < rows; r++) {
              s[r] = readString(in);
            }
            values[c] = s;
        }
      }
      if (in.remaining() != 4) {
        throw new IllegalStateException((in.remaining() - 4) + " bytes after the values");
      }
      return new RealizationData(tableName, names, kinds, values, rows, file);
    } catch (BufferUnderflowException | IllegalStateException | IllegalArgumentException e) {
      // The checksum matched, so the bytes are as written: a writer of another layout.
      throw corrupt(
          file,
          index,
          "its contents do not follow format version "
              + FORMAT_VERSION
              + " ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + ")");
    }
  }

  private static String readString(ByteBuffer in) {
    int length = in.getInt();
    if (length < 0 || length > in.remaining()) {
      throw new IllegalStateException("string length " + length);
    }
    byte[] utf8 = new byte[length];
    in.get(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }

  private CheckpointException corrupt(Path file, int index, String problem) {
    return new CheckpointException(
        file,
        WHERE
            + ": checkpoint file "
            + file
            + " is corrupt: "
            + problem
            + ". Delete this file to have realization "
            + index
            + " computed again; the other saved realizations are kept");
  }

  private CheckpointException foreign(Path file, String problem) {
    return new CheckpointException(
        file,
        WHERE
            + ": checkpoint file "
            + file
            + " "
            + problem
            + ": the directory "
            + directory
            + " holds another ensemble's realizations. Choose another checkpoint name, or delete"
            + " the directory to start afresh");
  }

  @Override
  public void close() {
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      // Closing the channel releases the lock in any case; nothing is lost.
    }
  }
}
