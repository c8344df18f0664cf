package org.qdiff.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FreeParticleTest {

  @Test
  void widthGrowsBySquareRootOfTwoAtTheSpreadingTime() {
    FreeParticle electron = FreeParticle.electron();
    double sigma0 = 1e-9;
    double tau = electron.spreadingTime(sigma0);
    // tau = 2 m sigma0^2 / hbar = 2 * 9.1093837015e-31 * 1e-18 / 1.054571817e-34 s
    assertEquals(1.727600e-14, tau, 1e-19);
    assertEquals(Math.sqrt(2) * sigma0, electron.width(sigma0, tau), 1e-15 * sigma0);
    assertEquals(sigma0, electron.width(sigma0, 0), 0);
    assertEquals(Math.sqrt(10) * sigma0, electron.width(sigma0, -3 * tau), 1e-15 * sigma0);
  }

  @Test
  void electronLocalizedToOneNanometreIsMillimetresWideAfterOneMetre() {
    // A 1 keV electron: v = sqrt(2 E / m) = 1.8755e7 m/s, so 1 m takes 5.332e-8 s, which is
    // 3.086e6 spreading times: sigma = hbar t / (2 m sigma0) = 3.09 mm ("several millimetres").
    FreeParticle electron = FreeParticle.electron();
    double speed = electron.speedAtKineticEnergy(Units.electronVolts(1000));
    assertEquals(1.8755e7, speed, 1e3);
    double width = electron.widthAfterTravelling(Units.nanometres(1), 1.0, speed);
    double time = 1.0 / speed;
    double expected = Units.HBAR * time / (2 * Units.ELECTRON_MASS * 1e-9);
    assertEquals(expected, width, 1e-6 * expected);
    assertEquals(3.086, Units.toMillimetres(width), 0.005);
  }

  @Test
  void latticeParticleHasMassOneOverTwiceTheHopping() {
    FreeParticle particle = FreeParticle.onLattice(0.5);
    assertEquals(1.0, particle.mass(), 0);
    assertEquals(1.0, particle.hbar(), 0);
    // tau = sigma0^2 / J
    assertEquals(200.0, particle.spreadingTime(10), 1e-12);
  }

  @Test
  void badInputNamesTheParameter() {
    FreeParticle electron = FreeParticle.electron();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> electron.width(-1e-9, 1));
    assertTrue(e.getMessage().contains("initialWidth"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> electron.speedAtKineticEnergy(0));
    assertTrue(e.getMessage().contains("energy"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> FreeParticle.onLattice(Double.NaN));
    assertTrue(e.getMessage().contains("hopping"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> electron.widthAfterTravelling(1e-9, 1, 0));
    assertTrue(e.getMessage().contains("speed"), e.getMessage());
  }
}
