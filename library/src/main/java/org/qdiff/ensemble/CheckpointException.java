package org.qdiff.ensemble;

import java.nio.file.Path;

/**
 * A checkpoint file of an ensemble cannot be used: it is corrupt (checksum, truncation, unknown
 * format) or belongs to another ensemble (other master seed, other columns). The message names the
 * file, what is wrong and what to do; the file is never skipped silently nor trusted.
 */
public final class CheckpointException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;

  CheckpointException(Path file, String message) {
    super(message);
    this.file = file;
  }

  CheckpointException(Path file, String message, Throwable cause) {
    super(message, cause);
    this.file = file;
  }

  /** The file that cannot be used. */
  public Path file() {
    return file;
  }
}
