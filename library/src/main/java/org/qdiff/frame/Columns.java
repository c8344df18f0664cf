package org.qdiff.frame;

/**
 * The stable names of result columns. Units: hbar = 1, lattice spacing 1, energies in units of the
 * hopping; equation numbers (n) refer to the notes the project follows.
 *
 * <p>The names are short snake_case words and never change: notebooks, CSV files in {@code data/}
 * and plots select columns by them.
 */
public final class Columns {

  /** Time t (in units of hbar over the hopping). */
  public static final String TIME = "t";

  /** Mean squared displacement sum_x |x|^2 p_t(x) from the origin (8). */
  public static final String MSD = "msd";

  /** Standard error of the mean squared displacement over an ensemble of disorder seeds. */
  public static final String MSD_SEM = "msd_sem";

  /** Return probability p_t(0): the probability of finding the particle at its start. */
  public static final String RETURN_PROBABILITY = "return_probability";

  /** Total probability sum_x p_t(x), 1 for a normalized state (2). */
  public static final String NORM = "norm";

  /** Participation ratio 1 / sum_x p_t(x)^2: roughly the number of sites the particle occupies. */
  public static final String PARTICIPATION_RATIO = "participation_ratio";

  /** Inverse participation ratio sum_x p_t(x)^2. */
  public static final String INVERSE_PARTICIPATION_RATIO = "ipr";

  /** Shannon entropy -sum_x p_t(x) ln p_t(x) of the distribution (4). */
  public static final String ENTROPY = "entropy";

  /** Energy expectation value (psi_t, H psi_t), in units of the hopping. */
  public static final String ENERGY = "energy";

  /** Probability within a margin of the box faces: large values mean the box is too small. */
  public static final String BOUNDARY_WEIGHT = "boundary_weight";

  /** Mean position sum_x x p_t(x) along the first axis. */
  public static final String MEAN_POSITION = "mean_x";

  /** Variance sum_x (x - mean)^2 p_t(x) along the first axis. */
  public static final String VARIANCE = "variance";

  /** Mean squared momentum &lt;p^2&gt; of a rotor or a classical map ensemble. */
  public static final String MOMENTUM_SQUARED = "p2";

  /** Standard error of &lt;p^2&gt; over an ensemble of particles or trajectories. */
  public static final String MOMENTUM_SQUARED_SEM = "p2_sem";

  /** Probability of finding a searched (marked) vertex. */
  public static final String SUCCESS_PROBABILITY = "success_probability";

  /** Width (standard deviation) of a wave packet. */
  public static final String WIDTH = "width";

  /** A value from an exact formula, beside the computed column it checks. */
  public static final String EXACT = "exact";

  /** Energy E as the variable of a spectral density, in units of the hopping. */
  public static final String ENERGY_AXIS = "E";

  /**
   * Density of states per site rho(E) = (1/N) sum_i delta(E - E_i), normalized so that its integral
   * over E is 1.
   */
  public static final String DENSITY_OF_STATES = "dos";

  /** Position: a centred coordinate x_a along one axis, in a profile or marginal table. */
  public static final String POSITION = "x";

  /** Probability p_t(x) (4) in a long profile table. */
  public static final String PROBABILITY = "p";

  /** Index i = 0, 1, ... of a disorder realization in a table of an ensemble's realizations. */
  public static final String REALIZATION = "realization";

  /** Ending of the column of a mean's standard error: {@code msd} and {@code msd_sem}. */
  public static final String SEM_SUFFIX = "_sem";

  /** Momentum density n(k) of a momentum distribution table (normalized: sum_k n(k) = 1). */
  public static final String MOMENTUM_DENSITY = "n";

  // Axis letters of msd_x, msd_y, msd_z: the lattices of this project have d <= 3.
  private static final String[] AXES = {"x", "y", "z"};

  private Columns() {}

  /**
   * The column of the standard error of the mean of another column: {@code sem("msd")} is {@code
   * "msd_sem"}.
   *
   * @param column the averaged column's name, not null or blank
   * @return {@code column + "_sem"}
   * @throws IllegalArgumentException if {@code column} is null or blank
   */
  public static String sem(String column) {
    if (column == null || column.isBlank()) {
      throw new IllegalArgumentException(
          "Columns.sem: column must be a non-blank name, got "
              + (column == null ? "null" : "'" + column + "'"));
    }
    return column + SEM_SUFFIX;
  }

  /**
   * The column of the mean squared displacement along one axis, sum_x x_a^2 p_t(x): {@code
   * "msd_x"}, {@code "msd_y"} or {@code "msd_z"}.
   *
   * @param axis 0, 1 or 2
   * @return the column name
   * @throws IllegalArgumentException if {@code axis} is not in [0, 2]
   */
  public static String msdAxis(int axis) {
    if (axis < 0 || axis >= AXES.length) {
      throw new IllegalArgumentException(
          "Columns.msdAxis: axis must be in [0, 2] (x, y, z), got " + axis);
    }
    return MSD + "_" + AXES[axis];
  }

  /**
   * The column of the wave number along one axis in a momentum table: {@code "kx"}, {@code "ky"} or
   * {@code "kz"} (radians per lattice spacing).
   *
   * @param axis 0, 1 or 2
   * @return the column name
   * @throws IllegalArgumentException if {@code axis} is not in [0, 2]
   */
  public static String waveNumber(int axis) {
    if (axis < 0 || axis >= AXES.length) {
      throw new IllegalArgumentException(
          "Columns.waveNumber: axis must be in [0, 2] (x, y, z), got " + axis);
    }
    return "k" + AXES[axis];
  }
}
