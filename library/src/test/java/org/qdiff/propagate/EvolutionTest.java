package org.qdiff.propagate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.lattice.Lattice;
import org.qdiff.observe.Observables;
import org.qdiff.progress.Progress;
import org.qdiff.progress.ProgressReporter;
import org.qdiff.state.WaveFunction;
import tech.tablesaw.api.Table;

class EvolutionTest {

  private final Lattice chain = Lattice.chain(31).build();
  private final Hamiltonian laplacian = Hamiltonian.on(chain).laplacian().build();

  @Test
  void tableHasATimeColumnAndOneColumnPerObservable() {
    Table table =
        Evolution.of(laplacian)
            .times(0.0, 1.0, 2.0)
            .observe(Observables.norm(), Observables.returnProbability(), Observables.entropy())
            .run(WaveFunction.delta(chain))
            .table();
    assertEquals(List.of("t", "norm", "return_probability", "entropy"), table.columnNames());
    assertEquals(3, table.rowCount());
    assertEquals(1.0, table.doubleColumn("return_probability").get(0), 0.0);
  }

  @Test
  void probabilityAtTheFacesIsRecordedAsAWarning() {
    Trajectory<WaveFunction> run =
        Evolution.of(laplacian)
            .times(1.0, 12.0)
            .boundary(BoundaryGuard.warn(1e-6))
            .run(WaveFunction.delta(chain));
    assertFalse(run.warnings().isEmpty());
    assertTrue(run.warnings().get(0).contains("t = 12.0"), run.warnings().get(0));
  }

  @Test
  void anInterruptedThreadStopsTheRun() {
    Thread.currentThread().interrupt();
    assertThrows(
        CancellationException.class,
        () -> Evolution.of(laplacian).times(1.0, 2.0).run(WaveFunction.delta(chain)));
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  void progressIsReportedOncePerOutputTime() {
    List<Long> reported = new ArrayList<>();
    boolean[] closed = {false};
    Progress.install(
        (label, total) ->
            new ProgressReporter() {
              @Override
              public void advance(long done) {
                reported.add(done);
              }

              @Override
              public void close() {
                closed[0] = true;
              }
            });
    try {
      Evolution.of(laplacian).times(TimeGrid.linear(0, 2, 5)).run(WaveFunction.delta(chain));
    } finally {
      Progress.silence();
    }
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), reported);
    assertTrue(closed[0]);
  }

  @Test
  void energyIsConserved() {
    Lattice square = Lattice.square(30).periodic().build();
    Hamiltonian h =
        Hamiltonian.on(square)
            .hopping(1)
            .onsite(org.qdiff.hamiltonian.Disorder.box(3).seed(2))
            .build();
    WaveFunction packet = WaveFunction.gaussianPacket(square).width(3).momentum(1.0, 0.3).build();
    double[] energy =
        Evolution.of(h)
            .times(0.0, 5.0, 25.0)
            .observe(Observables.energy(h))
            .boundary(BoundaryGuard.off())
            .run(packet)
            .column("energy");
    assertEquals(energy[0], energy[1], 1e-11);
    assertEquals(energy[0], energy[2], 1e-11);
  }
}
