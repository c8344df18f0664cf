package org.qdiff.localization;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.qdiff.hamiltonian.Disorder;

/** Every rule of bad input to the localization package raises the documented exception. */
class LocalizationBadInputTest {

  private static void rejects(Class<? extends Throwable> type, String mustMention, Executable e) {
    Throwable thrown = assertThrows(type, e);
    assertTrue(
        thrown.getMessage().contains(mustMention),
        "message should mention \"" + mustMention + "\": " + thrown.getMessage());
  }

  private static void rejectsArgument(String mustMention, Executable e) {
    rejects(IllegalArgumentException.class, mustMention, e);
  }

  @Test
  void systemShape() {
    rejectsArgument(
        "TransferMatrix.bar: width M must be >= 1, got 0", () -> TransferMatrix.bar(3, 0));
    rejectsArgument("width M must be >= 1, got -2", () -> TransferMatrix.bar(2, -2));
    rejectsArgument(
        "TransferMatrix.bar: dimension d must be 2 (strip) or 3 (bar), got 4",
        () -> TransferMatrix.bar(4, 5));
    rejectsArgument("use TransferMatrix.chain()", () -> TransferMatrix.bar(1, 5));
    rejectsArgument(
        "TransferMatrix.bar: the cross-section M^(d-1) must have at most 2048 sites, got M = 46",
        () -> TransferMatrix.bar(3, 46));
    rejectsArgument(
        "TransferMatrix.bandMatrix: half-width b must be >= 1, got 0",
        () -> TransferMatrix.bandMatrix(0));
    rejectsArgument("half-width b must be <= 2048", () -> TransferMatrix.bandMatrix(4096));
    rejectsArgument(
        "TransferMatrix.bar.build: periodic transverse boundaries need width M >= 3",
        () -> TransferMatrix.bar(3, 2).length(10).build());
    rejectsArgument(
        "TransferMatrix.chain.build: a chain has no transverse boundaries",
        () -> TransferMatrix.chain().open().length(10).build());
  }

  @Test
  void settings() {
    rejectsArgument(
        "TransferMatrix.chain.energy: energy E must be finite, got NaN",
        () -> TransferMatrix.chain().energy(Double.NaN));
    rejectsArgument(
        "energy E must be finite, got Infinity",
        () -> TransferMatrix.bar(3, 4).energy(Double.POSITIVE_INFINITY));
    rejectsArgument(
        "TransferMatrix.chain.length: slices L must be >= 2 (two blocks for a standard error),"
            + " got 0",
        () -> TransferMatrix.chain().length(0));
    rejectsArgument("slices L must be >= 2", () -> TransferMatrix.bandMatrix(2).length(-5));
    rejectsArgument(
        "TransferMatrix.bar.reorthogonalizeEvery: slices k must be >= 1, got 0",
        () -> TransferMatrix.bar(3, 4).reorthogonalizeEvery(0));
    rejectsArgument(
        "TransferMatrix.chain.blocks: count must be >= 2, got 1",
        () -> TransferMatrix.chain().blocks(1));
    rejectsArgument(
        "TransferMatrix.chain.discard: slices must be >= 0, got -1",
        () -> TransferMatrix.chain().discard(-1));
    rejectsArgument(
        "TransferMatrix.chain.build: blocks must be <= length L = 10",
        () -> TransferMatrix.chain().length(10).blocks(20).build());
    rejectsArgument(
        "TransferMatrix.chain.disorder: disorder must not be null",
        () -> TransferMatrix.chain().disorder(null));
    rejectsArgument(
        "TransferMatrix.bandMatrix.entries: entries must not be null",
        () -> TransferMatrix.bandMatrix(2).entries(null));
    rejectsArgument(
        "TransferMatrix.chain.seed: seed must not be null",
        () -> TransferMatrix.chain().seed((org.qdiff.random.Seed) null));
    // The disorder's own factory checks W.
    rejectsArgument(
        "Disorder.box: width W must be finite and >= 0, got -1.0",
        () -> TransferMatrix.chain().disorder(Disorder.box(-1)));
  }

  @Test
  void buildNeedsLengthSeedAndEntries() {
    rejects(
        IllegalStateException.class,
        "TransferMatrix.chain.build: set the number of slices first, e.g. .length(100_000)",
        () -> TransferMatrix.chain().build());
    rejects(
        IllegalStateException.class,
        "TransferMatrix.bar.build: disorder Disorder.box(16.5) has no seed; call .seed(long)",
        () -> TransferMatrix.bar(3, 4).disorder(Disorder.box(16.5)).length(100).run());
    rejects(
        IllegalStateException.class,
        "TransferMatrix.bandMatrix.build: set the entries' distribution first",
        () -> TransferMatrix.bandMatrix(4).length(100).seed(1).build());
  }

  @Test
  void buildersSayWhatIsMissing() {
    String chain = TransferMatrix.chain().toString();
    assertTrue(chain.contains("L = ? (call length(slices))"), chain);
    assertTrue(chain.endsWith("then call build() or run()"), chain);
    String band = TransferMatrix.bandMatrix(3).length(10).toString();
    assertTrue(band.contains("entries ? (call entries(Disorder))"), band);
  }

  @Test
  void copiesAndScans() {
    TransferMatrix bar =
        TransferMatrix.bar(3, 4).disorder(Disorder.box(16.5)).length(100).seed(1).build();
    TransferMatrix chain = TransferMatrix.chain().length(100).build();
    rejectsArgument(
        "TransferMatrix.withWidth: periodic transverse boundaries need width M >= 3, got 2",
        () -> bar.withWidth(2));
    rejectsArgument(
        "TransferMatrix.withWidth: a chain has no width to change", () -> chain.withWidth(3));
    rejectsArgument(
        "TransferMatrix.withEnergy: energy E must be finite, got NaN",
        () -> bar.withEnergy(Double.NaN));
    rejectsArgument(
        "TransferMatrix.withDisorder: Disorder.box(2.0) has no seed and this calculation has none",
        () -> chain.withDisorder(Disorder.box(2)));
    rejectsArgument(
        "LocalizationScan.of: template must not be null", () -> LocalizationScan.of(null));
    rejectsArgument(
        "LocalizationScan.widths: give at least one value",
        () -> LocalizationScan.of(bar).widths());
    rejectsArgument(
        "LocalizationScan.widths: width M must be >= 1, got 0",
        () -> LocalizationScan.of(bar).widths(4, 0));
    rejectsArgument(
        "LocalizationScan.widths: a chain has no width to change",
        () -> LocalizationScan.of(chain).widths(4));
    rejectsArgument(
        "LocalizationScan.boxWidths: W[1] must be finite and >= 0, got -3.0",
        () -> LocalizationScan.of(bar).boxWidths(12, -3));
    rejectsArgument(
        "LocalizationScan.disorders: disorders[0] must not be null",
        () -> LocalizationScan.of(bar).disorders((Disorder) null));
    rejectsArgument(
        "LocalizationScan.energies: E[0] must be finite, got Infinity",
        () -> LocalizationScan.of(bar).energies(Double.POSITIVE_INFINITY));
  }
}
