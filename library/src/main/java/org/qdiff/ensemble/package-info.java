/**
 * Averages over disorder realizations.
 *
 * <p>An {@link org.qdiff.ensemble.Ensemble} runs a {@link org.qdiff.ensemble.Realization} (any
 * evolution or measurement, from a seed to a Tablesaw table) for realizations i = 0, ..., R - 1,
 * realization i with the seed {@code masterSeed.realization(i)}, and returns an {@link
 * org.qdiff.ensemble.EnsembleResult}: the mean of every measured column with its standard error
 * ({@code msd}, {@code msd_sem}), and on request every realization.
 *
 * <p><b>Reproducible.</b> Disorder values depend only on (seed, stream, site), and the averages are
 * summed in realization order after all realizations are in: the tables are bit-identical on one
 * thread and on two, whatever the order in which realizations finish.
 *
 * <p><b>Long ensembles.</b> One progress bar counts realizations. With a checkpoint directory every
 * finished realization is saved at once, in its own file, written atomically and checksummed; an
 * interrupted, stopped or killed ensemble resumes from the files with {@code run()} and loses at
 * most the realizations that were running. A damaged or foreign file is reported ({@link
 * org.qdiff.ensemble.CheckpointException}), never skipped.
 */
package org.qdiff.ensemble;
