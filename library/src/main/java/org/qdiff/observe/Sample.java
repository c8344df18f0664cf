package org.qdiff.observe;

import java.util.function.Supplier;
import org.qdiff.lattice.Lattice;
import org.qdiff.numeric.Check;
import org.qdiff.numeric.Parallel;
import org.qdiff.state.ProbabilityState;
import org.qdiff.state.WaveFunction;

/**
 * What an observable sees at one output time: the time, the state, and its probabilities p(x),
 * computed at most once and shared by all observables of that time.
 *
 * <p>The standard observables ({@link Observables}) only sum over p, and read a wave function's p
 * in short blocks when the whole array has not been computed: a sample of a wave function needs no
 * N-sized array unless an observable asks for {@link #probabilities()}. A sample is used by one
 * thread at a time.
 */
public final class Sample {

  /** Sites per block of p when a sum reads a wave function directly (8 KiB: stays in cache). */
  private static final int CHUNK = 1024;

  /** One block of p per thread, reused by every sum. */
  private static final ThreadLocal<double[]> CHUNKS =
      ThreadLocal.withInitial(() -> new double[CHUNK]);

  private final double time;
  private final ProbabilityState state;
  private final Supplier<double[]> buffer;
  private double[] probabilities;

  private Sample(
      double time, ProbabilityState state, double[] probabilities, Supplier<double[]> buffer) {
    this.time = time;
    this.state = state;
    this.probabilities = probabilities;
    this.buffer = buffer;
  }

  /** A sample of a state at time t (p computed once, when first needed). */
  public static Sample of(double time, ProbabilityState state) {
    Check.notNull("Sample.of", "state", state);
    return new Sample(time, state, null, () -> new double[state.lattice().size()]);
  }

  /**
   * A sample reusing a probability buffer the caller has filled with the state's p(x) (not copied):
   * lets an evolution sample many times without allocating.
   */
  public static Sample sharing(double time, ProbabilityState state, double[] probabilities) {
    return new Sample(time, state, probabilities, null);
  }

  /**
   * A sample that computes p(x) only if an observable asks for the whole array, and then into the
   * array {@code buffer} supplies (asked at most once, length N; overwritten): lets an evolution
   * whose observables only sum over p run without an N-sized array, and reuse one array over its
   * output times otherwise.
   */
  public static Sample deferred(double time, ProbabilityState state, Supplier<double[]> buffer) {
    Check.notNull("Sample.deferred", "state", state);
    Check.notNull("Sample.deferred", "buffer", buffer);
    return new Sample(time, state, null, buffer);
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

  /** p(x) for every site: shared, do not modify. Computed on the first call. */
  public double[] probabilities() {
    if (probabilities == null) {
      double[] p = buffer.get();
      state.probabilitiesInto(p);
      probabilities = p;
    }
    return probabilities;
  }

  /** p(x) at one site, without the whole array when the state is a wave function. */
  double probability(int site) {
    if (probabilities == null && state instanceof WaveFunction) {
      return ((WaveFunction) state).probability(site);
    }
    return probabilities()[site];
  }

  /**
   * The terms of a sum over sites, added in site order: {@code p[offset + j]} is p(site + j) for
   * {@code j < count}.
   */
  @FunctionalInterface
  interface SiteTerms {
    /** {@code acc} plus the terms of sites {@code site .. site + count - 1}. */
    double add(double acc, double[] p, int offset, int site, int count);
  }

  /**
   * The sum of the terms over all sites, in the fixed blocks of {@link Parallel#sum} and in site
   * order within a block: the same number whether p comes from the array or block by block from the
   * wave function, on any number of threads.
   */
  double sum(SiteTerms terms) {
    int n = lattice().size();
    if (probabilities == null && state instanceof WaveFunction) {
      WaveFunction psi = (WaveFunction) state;
      return Parallel.sum(
          n,
          (from, to) -> {
            double[] chunk = CHUNKS.get();
            double acc = 0;
            for (int site = from; site < to; site += CHUNK) {
              int count = Math.min(CHUNK, to - site);
              psi.probabilitiesInto(site, count, chunk);
              acc = terms.add(acc, chunk, 0, site, count);
            }
            return acc;
          });
    }
    double[] p = probabilities();
    return Parallel.sum(n, (from, to) -> terms.add(0, p, from, from, to - from));
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
