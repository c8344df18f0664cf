/**
 * Progress of long computations, reported to whoever is listening.
 *
 * <p>Long loops (an evolution over many output times, an ensemble over many realizations) call
 * {@link org.qdiff.progress.Progress#start(String, long)} and report each finished unit. By default
 * nothing is shown; a front end installs its own {@link org.qdiff.progress.ProgressReporter} (the
 * Jupyter kernel draws a bar that updates in place, a terminal program may print lines). The
 * library itself never learns which front end it runs in.
 */
package org.qdiff.progress;
