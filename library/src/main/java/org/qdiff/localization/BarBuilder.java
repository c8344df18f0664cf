package org.qdiff.localization;

import org.qdiff.hamiltonian.Disorder;
import org.qdiff.numeric.Check;

/**
 * Configures a transfer-matrix calculation on a chain, strip or bar of the Anderson model (10): the
 * disorder, the transverse boundaries, and the settings of {@link TransferMatrixBuilder}.
 *
 * <pre>{@code
 * var bar = TransferMatrix.bar(3, 6).disorder(Disorder.box(16.5)).length(20_000).seed(1).build();
 * }</pre>
 */
public final class BarBuilder extends TransferMatrixBuilder<BarBuilder> {

  private final int dimension;
  private final int width;
  private Disorder disorder;
  private boolean periodic = true;
  private boolean boundariesSet;

  BarBuilder(String where, int dimension, int width) {
    super(where);
    this.dimension = dimension;
    this.width = width;
  }

  /**
   * The distribution of the i.i.d. potential v(x), e.g. {@code Disorder.box(W)}, uniform on {@code
   * [-W/2, W/2]}. Without it the lattice is clean. Its seed is used unless {@link #seed(long)} is
   * called.
   *
   * @param value not null
   * @return this builder
   * @throws IllegalArgumentException if null
   */
  public BarBuilder disorder(Disorder value) {
    this.disorder = Check.notNull(where + ".disorder", "disorder", value);
    return this;
  }

  /**
   * Periodic transverse boundaries (the default), as in MacKinnon and Kramer: the cross-section is
   * a ring (d = 2) or a torus (d = 3). Needs {@code M >= 3}.
   *
   * @return this builder
   */
  public BarBuilder periodic() {
    this.periodic = true;
    this.boundariesSet = true;
    return this;
  }

  /**
   * Open (hard-wall) transverse boundaries: psi = 0 outside the cross-section.
   *
   * @return this builder
   */
  public BarBuilder open() {
    this.periodic = false;
    this.boundariesSet = true;
    return this;
  }

  @Override
  public TransferMatrix build() {
    int resolvedBlocks = resolveBlocks();
    if (dimension == 1 && boundariesSet) {
      throw new IllegalArgumentException(
          where + ".build: a chain has no transverse boundaries; remove periodic() or open()");
    }
    if (dimension > 1 && periodic && width < 3) {
      throw new IllegalArgumentException(
          where
              + ".build: periodic transverse boundaries need width M >= 3 (M = 1, 2 would double"
              + " bonds), got M = "
              + width
              + "; call open()");
    }
    Disorder seeded = seeded(disorder, "disorder");
    return new TransferMatrix(
        TransferMatrix.Kind.BAR,
        dimension,
        width,
        dimension > 1 && periodic,
        seeded,
        seeded == null ? seed : seeded.seedOrNull(),
        energy,
        length,
        resolvedBlocks,
        interval,
        discard,
        allExponents);
  }

  @Override
  public String toString() {
    String system =
        dimension == 1
            ? "chain"
            : (dimension == 3 ? "bar " + width + "x" + width : "strip M = " + width)
                + (periodic ? " periodic" : " open");
    return "BarBuilder: "
        + system
        + ", "
        + (disorder == null ? "clean" : disorder.toString())
        + ", "
        + commonSettings()
        + "; then call build() or run()";
  }
}
