package org.qdiff.ensemble;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A separate JVM for the kill test: runs the checkpointed Anderson ensemble of {@link
 * EnsembleCheckpointTest} slowly, until the test kills it.
 *
 * <p>Arguments: the checkpoint directory, R, the pause per realization in milliseconds.
 */
public final class EnsembleChild {

  private EnsembleChild() {}

  public static void main(String[] args) {
    Path directory = Path.of(args[0]);
    int realizations = Integer.parseInt(args[1]);
    long pause = Long.parseLong(args[2]);
    EnsembleResult result =
        Ensemble.of(EnsembleCheckpointTest.anderson(pause, new AtomicInteger()))
            .realizations(realizations)
            .seed(EnsembleCheckpointTest.SEED)
            .checkpoint(directory)
            .run();
    System.out.println(result);
  }
}
