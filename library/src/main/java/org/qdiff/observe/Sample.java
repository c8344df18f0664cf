package org.qdiff.observe;

import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Check;
import org.qdiff.state.ProbabilityState;
import org.qdiff.state.WaveFunction;

/**
 * What an observable sees at one output time: the time, the state, and its probabilities p(x)
 * computed once and shared by all observables of that time.
 */
public final class Sample {

  private final double time;
  private final ProbabilityState state;
  private final double[] probabilities;

  private Sample(double time, ProbabilityState state, double[] probabilities) {
    this.time = time;
    this.state = state;
    this.probabilities = probabilities;
  }

  /** A sample of a state at time t (computes p once). */
  public static Sample of(double time, ProbabilityState state) {
    Check.notNull("Sample.of", "state", state);
    return new Sample(time, state, state.probabilityArray());
  }

  /**
   * A sample reusing a probability buffer the caller has filled with the state's p(x) (not copied):
   * lets an evolution sample many times without allocating.
   */
  public static Sample sharing(double time, ProbabilityState state, double[] probabilities) {
    return new Sample(time, state, probabilities);
  }

  /** The time t. */
  public double time() {
    return time;
  }

  /** The state. */
  public ProbabilityState state() {
    return state;
  }

  /** The lattice. */
  public Lattice lattice() {
    return state.lattice();
  }

  /** p(x) for every site: shared, do not modify. */
  public double[] probabilities() {
    return probabilities;
  }

  /**
   * The state as a wave function.
   *
   * @throws IllegalStateException if the state is classical
   */
  public WaveFunction waveFunction() {
    if (!(state instanceof WaveFunction)) {
      throw new IllegalStateException(
          "this observable needs a wave function, but the state is " + state);
    }
    return (WaveFunction) state;
  }
}
