package org.qdiff.kernel;

import org.junit.jupiter.api.Test;

/**
 * Every notebook in {@code notebooks/} runs on the kernel without error outputs ({@code
 * src/test/python/test_notebooks.py}); skipped while there are none.
 */
class NotebooksIT {

  @Test
  void everyNotebookRunsWithoutErrors() throws Exception {
    PythonKernelTests.run("test_notebooks", 30);
  }
}
