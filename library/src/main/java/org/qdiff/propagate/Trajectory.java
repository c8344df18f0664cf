package org.qdiff.propagate;

import java.util.ArrayList;
import java.util.List;
import org.qdiff.frame.Columns;
import org.qdiff.frame.Frames;
import org.qdiff.numeric.Check;
import org.qdiff.observe.Profiles;
import org.qdiff.state.ProbabilityState;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The result of an evolution: the observables at every output time (as a Tablesaw table), the final
 * state, snapshots if they were kept, warnings, and the cost.
 *
 * @param <S> the kind of state: {@code WaveFunction} or a classical {@code Distribution}
 */
public final class Trajectory<S extends ProbabilityState> {

  private final double[] times;
  private final String[] names;
  private final double[][] columns;
  private final List<S> states;
  private final S finalState;
  private final List<String> warnings;
  private final long applications;
  private final double seconds;
  private final String method;

  Trajectory(
      double[] times,
      String[] names,
      double[][] columns,
      List<S> states,
      S finalState,
      List<String> warnings,
      long applications,
      double seconds,
      String method) {
    this.times = times;
    this.names = names;
    this.columns = columns;
    this.states = List.copyOf(states);
    this.finalState = finalState;
    this.warnings = List.copyOf(warnings);
    this.applications = applications;
    this.seconds = seconds;
    this.method = method;
  }

  /**
   * A trajectory from any evolution (a quantum walk, a dephased run, a classical walk): the output
   * times, one column of values per name, and the final state. Arrays are taken as they are.
   *
   * @param method a short description of how the numbers were made
   * @param times the output times
   * @param names column names, one per observable
   * @param columns {@code columns[o][k]}: observable o at output time k
   * @param finalState the state at the last output time
   * @param states kept states in output order (empty when none were kept)
   * @param applications Hamiltonian-vector products used (0 when not applicable)
   * @param seconds wall time of the run
   * @throws IllegalArgumentException if the shapes disagree
   */
  public static <S extends ProbabilityState> Trajectory<S> of(
      String method,
      double[] times,
      String[] names,
      double[][] columns,
      S finalState,
      List<S> states,
      long applications,
      double seconds) {
    String where = "Trajectory.of";
    Check.notNull(where, "method", method);
    Check.notNull(where, "times", times);
    Check.notNull(where, "names", names);
    Check.notNull(where, "columns", columns);
    Check.notNull(where, "finalState", finalState);
    Check.notNull(where, "states", states);
    if (times.length == 0) {
      throw new IllegalArgumentException(where + ": times must not be empty");
    }
    if (names.length != columns.length) {
      throw new IllegalArgumentException(
          where + ": " + names.length + " names but " + columns.length + " columns");
    }
    for (int o = 0; o < columns.length; o++) {
      if (columns[o].length != times.length) {
        throw new IllegalArgumentException(
            where
                + ": column \""
                + names[o]
                + "\" has "
                + columns[o].length
                + " values but there are "
                + times.length
                + " times");
      }
    }
    if (!states.isEmpty() && states.size() != times.length) {
      throw new IllegalArgumentException(
          where + ": " + states.size() + " states kept but there are " + times.length + " times");
    }
    return new Trajectory<>(
        times, names, columns, states, finalState, List.of(), applications, seconds, method);
  }

  /** A table with a column {@code t} and one column per observable. */
  public Table table() {
    Table table = Table.create("trajectory").addColumns(DoubleColumn.create(Columns.TIME, times));
    for (int o = 0; o < names.length; o++) {
      table.addColumns(DoubleColumn.create(names[o], columns[o]));
    }
    return table;
  }

  /** The output times. */
  public double[] times() {
    return times.clone();
  }

  /**
   * One observable's values at the output times.
   *
   * @throws IllegalArgumentException if no observable has that name
   */
  public double[] column(String name) {
    for (int o = 0; o < names.length; o++) {
      if (names[o].equals(name)) {
        return columns[o].clone();
      }
    }
    throw new IllegalArgumentException(
        "Trajectory.column: no observable named \""
            + name
            + "\"; the columns are "
            + String.join(", ", names));
  }

  /** The state at the last output time. */
  public S finalState() {
    return finalState;
  }

  /**
   * The state at output time number i.
   *
   * @throws IllegalStateException if states were not kept (call {@code keepStates()})
   */
  public S state(int i) {
    requireStates("state");
    return states.get(Check.index("Trajectory.state", "i", i, states.size()));
  }

  /** All kept states, in output order. */
  public List<S> states() {
    requireStates("states");
    return states;
  }

  /**
   * Marginal profiles along one axis at every output time, in long form: columns {@code t}, {@code
   * x}, {@code p} (as in Figure 5).
   */
  public Table marginals(int axis) {
    requireStates("marginals");
    List<double[]> t = new ArrayList<>();
    List<double[]> x = new ArrayList<>();
    List<double[]> p = new ArrayList<>();
    int total = 0;
    for (int k = 0; k < states.size(); k++) {
      double[] m = Profiles.marginal(states.get(k), axis);
      double[] pos = Profiles.positions(states.get(k).lattice(), axis);
      double[] tk = new double[m.length];
      java.util.Arrays.fill(tk, times[k]);
      t.add(tk);
      x.add(pos);
      p.add(m);
      total += m.length;
    }
    return Frames.table(
        "marginals along axis " + axis,
        new String[] {Columns.TIME, Columns.POSITION, Columns.PROBABILITY},
        new double[][] {concat(t, total), concat(x, total), concat(p, total)});
  }

  /** Warnings raised during the run (e.g. probability at the box faces). */
  public List<String> warnings() {
    return warnings;
  }

  /** Number of Hamiltonian-vector products used (0 for exact diagonalization). */
  public long hamiltonianApplications() {
    return applications;
  }

  /** Wall time of the run in seconds. */
  public double wallSeconds() {
    return seconds;
  }

  private void requireStates(String method) {
    if (states.isEmpty()) {
      throw new IllegalStateException(
          "Trajectory."
              + method
              + ": states were not kept; call keepStates() on the evolution before run()");
    }
  }

  private static double[] concat(List<double[]> parts, int total) {
    double[] out = new double[total];
    int k = 0;
    for (double[] part : parts) {
      System.arraycopy(part, 0, out, k, part.length);
      k += part.length;
    }
    return out;
  }

  @Override
  public String toString() {
    return String.format(
        "Trajectory: %d output times from t = %s to %s, columns t, %s; %s, %d H applications,"
            + " %.3f s%s",
        times.length,
        times[0],
        times[times.length - 1],
        String.join(", ", names),
        method,
        applications,
        seconds,
        warnings.isEmpty() ? "" : "; " + warnings.size() + " warning(s): " + warnings.get(0));
  }
}
