package org.qdiff.localization;

import org.qdiff.hamiltonian.Disorder;
import org.qdiff.numeric.Check;

/**
 * Configures a transfer-matrix calculation on the random band matrix (11) on Z: the distribution of
 * the entries A_xy and the settings of {@link TransferMatrixBuilder}.
 *
 * <pre>{@code
 * var r = TransferMatrix.bandMatrix(8).entries(Disorder.normal()).length(50_000).seed(3).run();
 * r.localizationLength() / 64;   // xi / b^2
 * }</pre>
 */
public final class BandMatrixBuilder extends TransferMatrixBuilder<BandMatrixBuilder> {

  private final int halfWidth;
  private Disorder entries;

  BandMatrixBuilder(int halfWidth) {
    super("TransferMatrix.bandMatrix");
    this.halfWidth = halfWidth;
  }

  /**
   * The distribution of the i.i.d. A_xy (required), e.g. {@code Disorder.normal()}: then {@code
   * H_xy = A_xy + A_yx} has variance 2 off the diagonal and 4 on it ({@code H_xx = 2 A_xx}), the
   * ratio of the Gaussian orthogonal ensemble. At E = 0 the localization length does not depend on
   * the scale of the entries.
   *
   * @param value not null
   * @return this builder
   * @throws IllegalArgumentException if null
   */
  public BandMatrixBuilder entries(Disorder value) {
    this.entries = Check.notNull(where + ".entries", "entries", value);
    return this;
  }

  @Override
  public TransferMatrix build() {
    int resolvedBlocks = resolveBlocks();
    if (entries == null) {
      throw new IllegalStateException(
          where + ".build: set the entries' distribution first, e.g. .entries(Disorder.normal())");
    }
    Disorder seeded = seeded(entries, "entries");
    return new TransferMatrix(
        TransferMatrix.Kind.BAND,
        1,
        halfWidth,
        false,
        seeded,
        seeded.seedOrNull(),
        energy,
        length,
        resolvedBlocks,
        interval,
        discard,
        allExponents);
  }

  @Override
  public String toString() {
    return "BandMatrixBuilder: b = "
        + halfWidth
        + ", entries "
        + (entries == null ? "? (call entries(Disorder))" : entries.toString())
        + ", "
        + commonSettings()
        + "; then call build() or run()";
  }
}
