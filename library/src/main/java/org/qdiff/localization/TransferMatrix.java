package org.qdiff.localization;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.qdiff.hamiltonian.Disorder;
import org.qdiff.numeric.Check;
import org.qdiff.random.Seed;

/**
 * A transfer-matrix calculation of the localization length of a long disordered system: a chain, a
 * bar of cross-section {@code M^(d-1)} (the Anderson model (10) with box, normal or other i.i.d.
 * disorder), or the random band matrix (11) on Z. Immutable and thread-safe; {@link #run()} does
 * the work.
 *
 * <pre>{@code
 * var r = TransferMatrix.chain().disorder(Disorder.box(1)).energy(0).length(2_000_000).seed(7).run();
 * r.localizationLength();     // about 105 / W^2
 * TransferMatrix.bar(3, 8).disorder(Disorder.box(16.5)).length(20_000).seed(1).run().normalizedLength();
 * }</pre>
 *
 * <p><b>Method.</b> At energy E the Schrödinger equation {@code H psi = E psi} on slice n (a
 * cross-section of N sites) fixes {@code psi_{n+1}} from {@code psi_n} and {@code psi_{n-1}}; for
 * the Anderson model with hopping -1 this is {@code psi_{n+1} = (H_n - E) psi_n - psi_{n-1}}, with
 * {@code H_n} the Hamiltonian of the cross-section (transverse hopping and the potential of slice
 * n). The product of these 2N x 2N transfer matrices over L slices grows like {@code exp(gamma_j
 * L)} along 2N directions; the Lyapunov exponents come in pairs {@code +-gamma_j} because the
 * transfer matrices are symplectic. N vectors are propagated and re-orthonormalized by QR (modified
 * Gram-Schmidt) whenever the leading one has grown by 10^10, or after at most {@link
 * #reorthogonalizationInterval()} slices; the logarithms of the diagonal of R add up to {@code L
 * gamma_1, ..., L gamma_N}. The smallest positive exponent gamma_N governs the slowest decay of a
 * wave function along the system: {@code xi = 1 / gamma_N} is the localization length, in lattice
 * spacings, of the amplitude {@code |psi| ~ exp(-|x|/xi)}. In a bar of finite width, xi is finite
 * at any disorder; its ratio to the width, {@code Lambda_M / M = xi / M}, grows with M in a metal
 * and falls in an insulator (MacKinnon and Kramer 1981). The band matrix is stepped one site at a
 * time, with 2b amplitudes (see {@link #bandMatrix}); its "slices" are sites.
 *
 * <p><b>Errors.</b> The measured length is cut into {@link #blocks()} consecutive blocks; the
 * standard error is that of the block means, which is right when the blocks are much longer than
 * xi. The relative error of xi is about {@code sqrt(xi / L)}: for a chain with xi = 100, L = 2 10^6
 * slices give 0.7 %; for a 3D bar M = 8 near the transition (xi = 5), L = 2 10^4 give 1.5 %.
 *
 * <p><b>Conventions.</b> Energies are in units of the hopping and measured from the band centre of
 * the hopping-only model (band [-2d, 2d]); the text's Anderson model (10) uses the Laplacian (9),
 * whose band centre is at 2d, so its energy is {@code E + 2d}. The potential of slice n is {@code
 * disorder.value(0, n N + i)} with i the row-major index of the site in the cross-section (stream
 * 0, as a Hamiltonian's onsite term): the bar is exactly {@code Hamiltonian.on(Lattice.box(L, M,
 * M).periodic(1, 2).build()).hopping(1).onsite(disorder)} with slice n the n-th plane of the box
 * (sites {@code nN, ..., nN + N - 1} of its numbering). The band matrix's {@code A_xy} is {@code
 * entries.value(1, x (2b+1) + y - x + b)} (stream 1). A run is reproduced exactly by its seed.
 */
public final class TransferMatrix {

  /** Largest cross-section N: the vectors take {@code 2 N^2} doubles (all exponents: 4 N^2). */
  static final int MAX_CROSS_SECTION = 2048;

  /** Default number of blocks for the standard errors. */
  static final int DEFAULT_BLOCKS = 64;

  /**
   * Default maximum number of slices between re-orthonormalizations. Most QRs are triggered
   * earlier, when the leading vector has grown by 10^10; this bound keeps weakly growing systems
   * from going many slices unchecked.
   */
  static final int DEFAULT_INTERVAL = 16;

  enum Kind {
    BAR,
    BAND
  }

  private final Kind kind;
  private final int dimension;
  private final int width;
  private final boolean periodic;
  private final Disorder disorder;
  private final Seed seed;
  private final double energy;
  private final long length;
  private final int blocks;
  private final int interval;
  private final long discard;
  private final boolean allExponents;

  TransferMatrix(
      Kind kind,
      int dimension,
      int width,
      boolean periodic,
      Disorder disorder,
      Seed seed,
      double energy,
      long length,
      int blocks,
      int interval,
      long discard,
      boolean allExponents) {
    this.kind = kind;
    this.dimension = dimension;
    this.width = width;
    this.periodic = periodic;
    this.disorder = disorder;
    this.seed = seed;
    this.energy = energy;
    this.length = length;
    this.blocks = blocks;
    this.interval = interval;
    this.discard = discard;
    this.allExponents = allExponents;
  }

  /**
   * A one-dimensional chain {@code -psi(x+1) - psi(x-1) + v(x) psi(x) = E psi(x)}: the Anderson
   * model (10) on Z. Weak-disorder results for the box distribution of width W: {@code xi = 24 (4 -
   * E^2) / W^2} inside the band away from its centre (Thouless), {@code xi = 105 / W^2} at E = 0
   * (Kappus and Wegner).
   */
  public static BarBuilder chain() {
    return new BarBuilder("TransferMatrix.chain", 1, 1);
  }

  /**
   * A bar (d = 3, cross-section M x M) or a strip (d = 2, width M) of the Anderson model (10),
   * infinitely long in the first direction; transverse boundaries periodic by default.
   *
   * @param dimension d, 2 or 3
   * @param width M {@code >= 1} (periodic boundaries need {@code M >= 3}); at most {@code M^(d-1) =
   *     2048} sites per cross-section
   * @throws IllegalArgumentException otherwise
   */
  public static BarBuilder bar(int dimension, int width) {
    String where = "TransferMatrix.bar";
    if (dimension != 2 && dimension != 3) {
      throw new IllegalArgumentException(
          where
              + ": dimension d must be 2 (strip) or 3 (bar), got "
              + dimension
              + "; use TransferMatrix.chain() for d = 1");
    }
    Check.atLeast(where, "width M", width, 1);
    requireCrossSection(where, dimension, width);
    return new BarBuilder(where, dimension, width);
  }

  /**
   * The random band matrix (11) on Z, {@code (H psi)(x) = sum_{|x-y| <= b} (A_xy + A_yx) psi(y)}
   * with i.i.d. A_xy, treated site by site as a quasi-one-dimensional system with 2b amplitudes per
   * step: the equation at site c gives {@code psi_{c+b}} from {@code psi_{c-b}, ..., psi_{c+b-1}}.
   * Its localization length grows like b^2, far beyond the range b of the hopping (at E = 0 with
   * normal entries, xi / b^2 goes from 0.80 at b = 4 to 0.71 at b = 16). With entries of standard
   * deviation sigma the spectrum fills about {@code |E| < 4 sigma sqrt(b + 1)} (a semicircle); at E
   * = 0 xi does not depend on sigma.
   *
   * @param halfWidth b {@code >= 1} (the text's band width W), at most 2048
   * @throws IllegalArgumentException otherwise
   */
  public static BandMatrixBuilder bandMatrix(int halfWidth) {
    String where = "TransferMatrix.bandMatrix";
    Check.atLeast(where, "half-width b", halfWidth, 1);
    if (halfWidth > MAX_CROSS_SECTION) {
      throw new IllegalArgumentException(
          where + ": half-width b must be <= " + MAX_CROSS_SECTION + ", got " + halfWidth);
    }
    return new BandMatrixBuilder(halfWidth);
  }

  static int crossSection(int dimension, int width) {
    return dimension == 3 ? width * width : dimension == 2 ? width : 1;
  }

  static void requireCrossSection(String where, int dimension, int width) {
    long n = dimension == 3 ? (long) width * width : width;
    if (n > MAX_CROSS_SECTION) {
      throw new IllegalArgumentException(
          where
              + ": the cross-section M^(d-1) must have at most "
              + MAX_CROSS_SECTION
              + " sites, got M = "
              + width
              + " in d = "
              + dimension);
    }
  }

  /**
   * Runs the calculation on the calling thread.
   *
   * @return the Lyapunov exponents and the localization length with their standard errors
   * @throws ArithmeticException if the vectors lose precision or overflow (the message says how to
   *     re-orthonormalize more often)
   * @throws CancellationException if the thread is interrupted
   */
  public LyapunovSpectrum run() {
    return run(Thread::interrupted);
  }

  LyapunovSpectrum run(BooleanSupplier stop) {
    return Propagation.run(this, stop, name() + ".run");
  }

  Slices slices() {
    if (kind == Kind.BAND) {
      return new BandSlices(width, disorder, energy);
    }
    return new AndersonSlices(dimension, width, periodic, disorder, energy);
  }

  private String name() {
    return kind == Kind.BAND
        ? "TransferMatrix.bandMatrix"
        : dimension == 1 ? "TransferMatrix.chain" : "TransferMatrix.bar";
  }

  /**
   * A copy with another width: M for a bar, b for a band matrix.
   *
   * @throws IllegalArgumentException for a chain, or if the width is out of range
   */
  public TransferMatrix withWidth(int newWidth) {
    return withWidth("TransferMatrix.withWidth", newWidth);
  }

  TransferMatrix withWidth(String where, int newWidth) {
    if (kind == Kind.BAR && dimension == 1) {
      throw new IllegalArgumentException(where + ": a chain has no width to change");
    }
    Check.atLeast(where, kind == Kind.BAND ? "half-width b" : "width M", newWidth, 1);
    if (kind == Kind.BAND) {
      if (newWidth > MAX_CROSS_SECTION) {
        throw new IllegalArgumentException(
            where + ": half-width b must be <= " + MAX_CROSS_SECTION + ", got " + newWidth);
      }
    } else {
      requireCrossSection(where, dimension, newWidth);
      if (periodic && newWidth < 3) {
        throw new IllegalArgumentException(
            where + ": periodic transverse boundaries need width M >= 3, got " + newWidth);
      }
    }
    return new TransferMatrix(
        kind,
        dimension,
        newWidth,
        periodic,
        disorder,
        seed,
        energy,
        length,
        blocks,
        interval,
        discard,
        allExponents);
  }

  /**
   * A copy with another disorder (the band matrix's entries). Without a seed of its own, it takes
   * this calculation's seed.
   *
   * @throws IllegalArgumentException if null, or if it has no seed and neither has this calculation
   *     (a clean one)
   */
  public TransferMatrix withDisorder(Disorder newDisorder) {
    return withDisorder("TransferMatrix.withDisorder", newDisorder);
  }

  TransferMatrix withDisorder(String where, Disorder newDisorder) {
    Check.notNull(where, "disorder", newDisorder);
    Disorder seeded = newDisorder;
    if (newDisorder.seedOrNull() == null) {
      if (seed == null) {
        throw new IllegalArgumentException(
            where + ": " + newDisorder + " has no seed and this calculation has none; give one");
      }
      seeded = newDisorder.seed(seed);
    }
    return new TransferMatrix(
        kind,
        dimension,
        width,
        periodic,
        seeded,
        seeded.seedOrNull(),
        energy,
        length,
        blocks,
        interval,
        discard,
        allExponents);
  }

  /**
   * A copy at another energy.
   *
   * @param newEnergy E, finite
   * @throws IllegalArgumentException otherwise
   */
  public TransferMatrix withEnergy(double newEnergy) {
    Check.finite("TransferMatrix.withEnergy", "energy E", newEnergy);
    return new TransferMatrix(
        kind,
        dimension,
        width,
        periodic,
        disorder,
        seed,
        newEnergy,
        length,
        blocks,
        interval,
        discard,
        allExponents);
  }

  /** True for a random band matrix, false for a chain or bar of the Anderson model. */
  public boolean isBandMatrix() {
    return kind == Kind.BAND;
  }

  /** The dimension d: 1 for a chain and a band matrix, 2 for a strip, 3 for a bar. */
  public int dimension() {
    return dimension;
  }

  /** M for a bar (1 for a chain), b for a band matrix. */
  public int width() {
    return width;
  }

  /** The number N of sites per slice: {@code M^(d-1)}, or b for a band matrix. */
  public int crossSection() {
    return kind == Kind.BAND ? width : crossSection(dimension, width);
  }

  /** True if the transverse boundaries of a bar are periodic. */
  public boolean periodic() {
    return periodic;
  }

  /** The seeded disorder (the band matrix's entries), or null for a clean lattice. */
  public Disorder disorder() {
    return disorder;
  }

  /** The energy E, in units of the hopping. */
  public double energy() {
    return energy;
  }

  /** The number L of measured slices. */
  public long length() {
    return length;
  }

  /** The number of blocks for the standard errors. */
  public int blocks() {
    return blocks;
  }

  /** The largest number of slices between two QR re-orthonormalizations. */
  public int reorthogonalizationInterval() {
    return interval;
  }

  /** Slices propagated before measuring (the transient of the start vectors). */
  public long discard() {
    return discard;
  }

  /** True if all 2N exponents are computed, false for the N positive ones. */
  public boolean allExponents() {
    return allExponents;
  }

  String describe() {
    String system;
    if (kind == Kind.BAND) {
      system = "band matrix b = " + width;
    } else if (dimension == 1) {
      system = "chain";
    } else {
      system =
          (dimension == 3 ? "bar " + width + "x" + width : "strip M = " + width)
              + (periodic ? " periodic" : " open");
    }
    return system + ", " + (disorder == null ? "clean" : disorder.toString()) + ", E = " + energy;
  }

  @Override
  public String toString() {
    return "TransferMatrix: "
        + describe()
        + ", L = "
        + length
        + " slices in "
        + blocks
        + " blocks, QR at least every "
        + interval
        + (discard > 0 ? ", discard " + discard : "")
        + (allExponents ? ", all exponents" : "");
  }
}
