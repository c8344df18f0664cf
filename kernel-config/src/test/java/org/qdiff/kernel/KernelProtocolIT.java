package org.qdiff.kernel;

import org.junit.jupiter.api.Test;

/**
 * The kernel through a real Jupyter client: results, displays, errors, interrupts, completion,
 * magics, streaming, restart ({@code src/test/python/test_kernel_protocol.py}).
 */
class KernelProtocolIT {

  @Test
  void kernelBehavesAsJupyterClientsExpect() throws Exception {
    PythonKernelTests.run("test_kernel_protocol", 5);
  }
}
