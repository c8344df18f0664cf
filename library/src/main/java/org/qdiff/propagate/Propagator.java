package org.qdiff.propagate;

import java.util.List;
import org.qdiff.hamiltonian.Hamiltonian;
import org.qdiff.state.StateBuffers;
import org.qdiff.state.WaveFunction;

/**
 * A numerical method for Schrödinger's equation (3): prepares once for a Hamiltonian, then advances
 * states. Implementations are immutable; configure them with copies ({@code tolerance(...)}). Get
 * them from {@link Propagators}.
 */
public interface Propagator {

  /** A short description, e.g. "Chebyshev, tolerance 1e-12". */
  String describe();

  /**
   * Checks that this method can treat H (e.g. memory for a dense diagonalization), before anything
   * large is allocated.
   *
   * @throws IllegalArgumentException naming the limit and the way out
   */
  void check(Hamiltonian hamiltonian);

  /** Prepares the method for H: spectral bounds, a diagonalization, buffers. */
  Stepper prepare(Hamiltonian hamiltonian);

  /** A propagator bound to one Hamiltonian. Not thread-safe: one per running evolution. */
  interface Stepper {
    /**
     * Replaces the state at time {@code from} by the state at time {@code to} (to may be earlier).
     *
     * @param state modified
     * @return number of Hamiltonian-vector products used
     */
    long advance(StateBuffers state, double from, double to);

    /**
     * Replaces the state at time {@code from} by the state at time {@code to}, as {@link
     * #advance(StateBuffers, double, double)} does, for a caller that keeps the state its run
     * started from: {@code state} must be {@code origin} evolved with this Hamiltonian from {@code
     * originTime} to {@code from}. A stepper that would keep a copy of {@code state} in order to
     * redo a step may restart from {@code origin} instead, and so needs one state-sized buffer less
     * (the Chebyshev stepper on a Lanczos interval does). By default the same as {@code
     * advance(state, from, to)}.
     *
     * @param state modified
     * @param origin the state at {@code originTime}, not modified
     * @return number of Hamiltonian-vector products used, a restart's included
     */
    default long advance(
        StateBuffers state, double from, double to, WaveFunction origin, double originTime) {
      return advance(state, from, to);
    }

    /**
     * What the stepper had to work around so far, e.g. a spectral estimate that a step found too
     * tight (the step was redone); empty by default.
     */
    default List<String> warnings() {
      return List.of();
    }

    /**
     * Forgets what earlier steps learned (e.g. a fallback to wider spectral bounds) and their
     * warnings, so that the next run starts as a fresh stepper would: for callers that reuse one
     * stepper for independent runs. Does nothing by default.
     */
    default void reset() {}
  }
}
