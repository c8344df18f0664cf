package org.qdiff.kernel;

import java.nio.charset.StandardCharsets;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIO;

/**
 * jjava's notebook I/O, opened to the kernel: {@code System.in} of a cell reads from the front end
 * (when it allows input) through it. Output does not go through it but through {@link
 * org.qdiff.kernel.output.CellOutput}, which streams while the cell runs.
 */
final class KernelIO extends JupyterIO {

  KernelIO() {
    super(StandardCharsets.UTF_8);
  }

  void attach(ShellReplyEnvironment env, boolean stdinAllowed) {
    setEnv(env);
    setJupyterInEnabled(stdinAllowed);
  }

  void detach(ShellReplyEnvironment env) {
    retractEnv(env);
  }
}
