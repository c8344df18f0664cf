package org.qdiff.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qdiff.frame.Frames;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.lattice.Lattice;
import org.qdiff.propagate.ClassicalWalk;
import org.qdiff.propagate.Evolution;
import org.qdiff.propagate.TimeGrid;
import org.qdiff.state.Distribution;
import org.qdiff.state.WaveFunction;
import tech.tablesaw.api.Table;

class SpreadingTest {

  private static Table powerLaw(double prefactor, double exponent) {
    double[] t = {1, 2, 4, 8, 16, 32};
    double[] y = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      y[i] = prefactor * Math.pow(t[i], exponent);
    }
    return Frames.table("law", new String[] {"t", "msd"}, new double[][] {t, y});
  }

  @Test
  void exactPowerLawsGiveTheirExponentAndRegime() {
    SpreadingFit ballistic = Spreading.fit(powerLaw(6, 2));
    assertEquals(2.0, ballistic.exponent(), 1e-12);
    assertEquals(6.0, ballistic.prefactor(), 1e-10);
    assertEquals(Regime.BALLISTIC, ballistic.regime());
    assertEquals(Regime.DIFFUSIVE, Spreading.fit(powerLaw(1, 1)).regime());
    assertEquals(Regime.TRAPPED, Spreading.fit(powerLaw(3, 0)).regime());
    SpreadingFit window = Spreading.fit(powerLaw(1, 1), 2, 8);
    assertEquals(3, window.points());
  }

  @Test
  void theThreeRegimesOfFigureThreeAreRecognized() {
    Lattice chain = Lattice.chain(801).build();
    Table free =
        Evolution.of(Hamiltonian.on(chain).laplacian().build())
            .times(TimeGrid.logSpaced(20, 100, 8))
            .run(WaveFunction.delta(chain))
            .table();
    Table walk = ClassicalWalk.on(chain).steps(100).run(Distribution.delta(chain)).table();
    Table trapped =
        Evolution.of(Hamiltonian.on(chain).potential(i -> Math.sin(i)).build())
            .times(TimeGrid.logSpaced(1, 100, 8))
            .run(WaveFunction.gaussianPacket(chain).width(3).build())
            .table();
    Map<String, SpreadingFit> fits = new LinkedHashMap<>();
    fits.put("free", Spreading.fit(free));
    fits.put("walk", Spreading.fit(walk, 10, 100));
    fits.put("trapped", Spreading.fit(trapped));
    assertEquals(2.0, fits.get("free").exponent(), 0.01);
    assertEquals(1.0, fits.get("walk").exponent(), 1e-9);
    assertEquals(0.0, fits.get("trapped").exponent(), 1e-9);
    Table table = Spreading.table(fits);
    assertEquals(3, table.rowCount());
    assertEquals("ballistic", table.stringColumn("regime").get(0));
    assertEquals("diffusive", table.stringColumn("regime").get(1));
    assertEquals("trapped", table.stringColumn("regime").get(2));
  }

  @Test
  void logarithmOfNonPositiveValueIsRejectedWithTheRow() {
    Table bad =
        Frames.table("bad", new String[] {"t", "msd"}, new double[][] {{1, 2, 3}, {1, 0, 3}});
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Spreading.fit(bad));
    assertTrue(e.getMessage().contains("row 1"), e.getMessage());
  }

  @Test
  void gaussianIsNormalized() {
    var f = Gaussian.density(7.5);
    double sum = 0;
    for (int x = -200; x <= 200; x++) {
      sum += f.applyAsDouble(x);
    }
    assertEquals(1.0, sum, 1e-12);
  }
}
