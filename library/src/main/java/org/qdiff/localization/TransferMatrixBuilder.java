package org.qdiff.localization;

import java.util.concurrent.CancellationException;
import org.qdiff.hamiltonian.Disorder;
import org.qdiff.numeric.Check;
import org.qdiff.random.Seed;

/**
 * Settings every transfer-matrix calculation has (energy, length, seed, error blocks,
 * re-orthonormalization), shared by {@link BarBuilder} and {@link BandMatrixBuilder} through a self
 * type so that every setter chains. Mutable and cheap; each method checks its own argument, {@link
 * #build()} the combination.
 *
 * @param <B> the concrete builder type
 */
public abstract class TransferMatrixBuilder<B extends TransferMatrixBuilder<B>> {

  /** The factory the user called, e.g. {@code "TransferMatrix.bar"}; starts every message. */
  final String where;

  double energy;
  long length = -1;
  int blocks = -1;
  int interval = TransferMatrix.DEFAULT_INTERVAL;
  long discard;
  boolean allExponents;
  Seed seed;

  TransferMatrixBuilder(String where) {
    this.where = where;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /**
   * The energy E at which the Schrödinger equation is solved (default 0, the band centre).
   *
   * @param value E in units of the hopping, finite
   * @return this builder
   * @throws IllegalArgumentException otherwise
   */
  public B energy(double value) {
    this.energy = Check.finite(where + ".energy", "energy E", value);
    return self();
  }

  /**
   * The number L of slices whose growth is measured (required). The relative error of the
   * localization length is about {@code sqrt(xi / L)} for a chain, so L should be many times xi.
   *
   * @param slices L {@code >= 2} (two blocks at least, for a standard error)
   * @return this builder
   * @throws IllegalArgumentException otherwise
   */
  public B length(long slices) {
    if (slices < 2) {
      throw new IllegalArgumentException(
          where
              + ".length: slices L must be >= 2 (two blocks for a standard error), got "
              + slices);
    }
    this.length = slices;
    return self();
  }

  /**
   * The number of consecutive blocks the length is cut into for the standard errors (default 64, or
   * L if shorter). Each block should be much longer than the localization length, or the errors
   * come out too small.
   *
   * @param count {@code >= 2}
   * @return this builder
   * @throws IllegalArgumentException otherwise
   */
  public B blocks(int count) {
    this.blocks = Check.atLeast(where + ".blocks", "count", count, 2);
    return self();
  }

  /**
   * The largest number k of slices between two QR re-orthonormalizations (default 16). A QR also
   * happens whenever the leading vector has grown by 10^10 (10^5 with {@link #allExponents()}), so
   * the smallest exponent is never lost to round-off; a smaller k only costs time.
   *
   * @param slices k {@code >= 1}
   * @return this builder
   * @throws IllegalArgumentException otherwise
   */
  public B reorthogonalizeEvery(int slices) {
    this.interval = Check.atLeast(where + ".reorthogonalizeEvery", "slices k", slices, 1);
    return self();
  }

  /**
   * Slices to propagate before measuring (default 0), so that the start vectors are forgotten.
   * Without it the start adds a bias of order {@code 1 / L} to each exponent.
   *
   * @param slices {@code >= 0}
   * @return this builder
   * @throws IllegalArgumentException otherwise
   */
  public B discard(long slices) {
    if (slices < 0) {
      throw new IllegalArgumentException(where + ".discard: slices must be >= 0, got " + slices);
    }
    this.discard = slices;
    return self();
  }

  /**
   * Computes all 2N Lyapunov exponents, the negative ones too, by propagating 2N vectors instead of
   * N (about four times the work): they come in pairs {@code +-gamma_j}.
   *
   * @return this builder
   */
  public B allExponents() {
    this.allExponents = true;
    return self();
  }

  /**
   * The seed of the disorder, replacing any seed the disorder carries.
   *
   * @param value any long
   * @return this builder
   */
  public B seed(long value) {
    this.seed = Seed.of(value);
    return self();
  }

  /**
   * The seed of the disorder, replacing any seed the disorder carries.
   *
   * @param value not null
   * @return this builder
   * @throws IllegalArgumentException if null
   */
  public B seed(Seed value) {
    this.seed = Check.notNull(where + ".seed", "seed", value);
    return self();
  }

  /**
   * The finished calculation.
   *
   * @return an immutable, thread-safe calculation
   * @throws IllegalStateException if a required setting is missing (the message says which)
   * @throws IllegalArgumentException if settings contradict each other
   */
  public abstract TransferMatrix build();

  /**
   * Builds and runs the calculation on the calling thread.
   *
   * @return the Lyapunov exponents and the localization length
   * @throws IllegalStateException if a required setting is missing
   * @throws ArithmeticException if the vectors lose precision
   * @throws CancellationException if the thread is interrupted
   */
  public LyapunovSpectrum run() {
    return build().run();
  }

  /** Checks the common settings and returns the number of blocks to use. */
  int resolveBlocks() {
    if (length < 0) {
      throw new IllegalStateException(
          where + ".build: set the number of slices first, e.g. .length(100_000)");
    }
    if (blocks < 0) {
      return (int) Math.min(TransferMatrix.DEFAULT_BLOCKS, length);
    }
    if (blocks > length) {
      throw new IllegalArgumentException(
          where
              + ".build: blocks must be <= length L = "
              + length
              + " (one slice at least per block), got "
              + blocks);
    }
    return blocks;
  }

  /** The disorder with the builder's seed, or its own; null stays null. */
  Disorder seeded(Disorder disorder, String setter) {
    if (disorder == null) {
      return null;
    }
    if (seed != null) {
      return disorder.seed(seed);
    }
    if (disorder.seedOrNull() == null) {
      throw new IllegalStateException(
          where
              + ".build: "
              + setter
              + " "
              + disorder
              + " has no seed; call .seed(long), e.g. .seed(42)");
    }
    return disorder;
  }

  String commonSettings() {
    return "E = "
        + energy
        + ", L = "
        + (length < 0 ? "? (call length(slices))" : length)
        + ", blocks = "
        + (blocks < 0 ? "default" : blocks)
        + ", QR at least every "
        + interval
        + ", discard "
        + discard
        + (allExponents ? ", all exponents" : "")
        + ", seed = "
        + (seed == null ? "of the disorder" : seed.value());
  }
}
