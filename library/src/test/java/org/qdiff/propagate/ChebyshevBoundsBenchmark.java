package org.qdiff.propagate;

import java.nio.file.Path;
import java.util.Locale;
import org.qdiff.frame.Frames;
import org.qdiff.hamiltonian.Disorder;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.hamiltonian.SpectralBounds;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Lanczos;
import org.qdiff.numeric.Parallel;
import org.qdiff.state.WaveFunction;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Hamiltonian applications of the Chebyshev propagator on the Lanczos estimate against the
 * Gershgorin bounds: the 3D Anderson model (box disorder W, hopping 1, periodic L^3) from a
 * particle at the centre to t = T, in one step and on a log grid of 40 output times. A benchmark,
 * not a test: it asserts nothing, prints the counts and writes them to {@code
 * data/bench/chebyshev_bounds.csv}.
 *
 * <p>Arguments: sides (comma separated, default 32,64), W (4), T (40), tolerance (1e-10), threads
 * (all processors).
 */
public final class ChebyshevBoundsBenchmark {

  private ChebyshevBoundsBenchmark() {}

  public static void main(String[] args) {
    String[] sides = (args.length > 0 ? args[0] : "32,64").split(",");
    double width = args.length > 1 ? Double.parseDouble(args[1]) : 4;
    double time = args.length > 2 ? Double.parseDouble(args[2]) : 40;
    double tolerance = args.length > 3 ? Double.parseDouble(args[3]) : 1e-10;
    if (args.length > 4) {
      Parallel.setThreads(Integer.parseInt(args[4]));
    }
    StringColumn grids = StringColumn.create("grid");
    DoubleColumn sideColumn = DoubleColumn.create("L");
    DoubleColumn gershgorinColumn = DoubleColumn.create("gershgorin_applications");
    DoubleColumn lanczosColumn = DoubleColumn.create("lanczos_applications");
    DoubleColumn reductionColumn = DoubleColumn.create("reduction");
    DoubleColumn distanceColumn = DoubleColumn.create("distance");
    for (String s : sides) {
      int side = Integer.parseInt(s.trim());
      Hamiltonian h =
          Hamiltonian.on(Lattice.cubic(side).periodic().build())
              .hopping(1.0)
              .onsite(Disorder.box(width).seed(1))
              .build();
      long start = System.nanoTime();
      SpectralBounds estimate = h.estimatedSpectralBounds();
      double lanczosSeconds = (System.nanoTime() - start) * 1e-9;
      System.out.printf(
          Locale.ROOT,
          "L = %d (%d sites), W = %s: Gershgorin %s, Lanczos estimate %s (%d applications, %.2f"
              + " s)%n",
          side,
          h.size(),
          width,
          h.spectralBounds(),
          estimate,
          Lanczos.DEFAULT_STEPS,
          lanczosSeconds);
      WaveFunction psi0 = WaveFunction.delta(h.lattice(), h.lattice().center());
      for (String grid : new String[] {"one step", "log grid of 40"}) {
        TimeGrid times =
            grid.equals("one step") ? TimeGrid.of(time) : TimeGrid.logSpaced(0.1, time, 40);
        Trajectory<WaveFunction> gershgorin =
            run(h, times, psi0, tolerance, SpectralBounds.Source.GERSHGORIN);
        Trajectory<WaveFunction> lanczos =
            run(h, times, psi0, tolerance, SpectralBounds.Source.LANCZOS);
        double reduction =
            1
                - (double) lanczos.hamiltonianApplications()
                    / (double) gershgorin.hamiltonianApplications();
        double distance = lanczos.finalState().distance(gershgorin.finalState());
        System.out.printf(
            Locale.ROOT,
            "  T = %s, %s: Gershgorin %d applications (%.2f s), Lanczos %d (%.2f s): %.1f %%"
                + " fewer, %.1f %% counting the %d of the estimate; distance %.2g; warnings %s%n",
            time,
            grid,
            gershgorin.hamiltonianApplications(),
            gershgorin.wallSeconds(),
            lanczos.hamiltonianApplications(),
            lanczos.wallSeconds(),
            100 * reduction,
            100
                * (1
                    - (double) (lanczos.hamiltonianApplications() + Lanczos.DEFAULT_STEPS)
                        / gershgorin.hamiltonianApplications()),
            Lanczos.DEFAULT_STEPS,
            distance,
            lanczos.warnings());
        grids.append(grid);
        sideColumn.append(side);
        gershgorinColumn.append(gershgorin.hamiltonianApplications());
        lanczosColumn.append(lanczos.hamiltonianApplications());
        reductionColumn.append(reduction);
        distanceColumn.append(distance);
      }
    }
    Table table =
        Table.create(
            "chebyshev bounds",
            grids,
            sideColumn,
            gershgorinColumn,
            lanczosColumn,
            reductionColumn,
            distanceColumn);
    Path file =
        Frames.writeCsv(table, Frames.dataDirectory().resolve("bench/chebyshev_bounds.csv"));
    System.out.println("written " + file);
  }

  private static Trajectory<WaveFunction> run(
      Hamiltonian h,
      TimeGrid times,
      WaveFunction psi0,
      double tolerance,
      SpectralBounds.Source source) {
    return Evolution.of(h)
        .propagator(Propagators.chebyshev().tolerance(tolerance).bounds(source))
        .times(times)
        .observe(org.qdiff.observe.Observables.norm())
        .boundary(BoundaryGuard.off())
        .run(psi0);
  }
}
