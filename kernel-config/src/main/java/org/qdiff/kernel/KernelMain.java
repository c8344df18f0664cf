package org.qdiff.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.qdiff.kernel.output.CellOutput;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the kernel process, started by Jupyter as {@code java ...
 * org.qdiff.kernel.KernelMain <connection file>} (see {@code kernel.json}).
 */
public final class KernelMain {

  private static final String POM_PROPERTIES =
      "META-INF/maven/org.qdiff/qdiff-kernel/pom.properties";

  private KernelMain() {}

  /**
   * Runs the kernel until the front end shuts it down.
   *
   * @param args the connection file written by Jupyter
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      throw new IllegalArgumentException(
          "usage: java org.qdiff.kernel.KernelMain <connection file>, got "
              + args.length
              + " arguments");
    }
    Path connectionFile = Path.of(args[0]);
    KernelConnectionProperties connection =
        KernelConnectionProperties.parse(Files.readString(connectionFile));

    // Logging starts first, so it keeps this process's stderr (see simplelogger.properties).
    LoggerFactory.getLogger(KernelMain.class).debug("starting with {}", connectionFile);
    // ND4J and Java2D load on another core while JShell starts on this one.
    WarmUp warmUp = WarmUp.startInBackground();

    // From here on, System.out/err of any thread go to the running cell, or to this process's
    // own streams (the Jupyter server's log) while no cell runs.
    PrintStream processOut = System.out;
    PrintStream processErr = System.err;
    CellOutput output = new CellOutput(processOut, processErr);
    System.setOut(output.stdout());
    System.setErr(output.stderr());

    QdiffKernel kernel = QdiffKernel.create(version(), output, warmUp::awaitNd4j);
    // A cell reading System.in asks the front end, when it allows input.
    System.setIn(kernel.getIO().in);
    JupyterConnection jupyter = new JupyterConnection(connection);
    kernel.becomeHandlerForConnection(jupyter);
    kernel.onStartup();
    try {
      jupyter.connect();
    } catch (RuntimeException e) {
      // Sockets bound before the failure run non-daemon threads: exit instead of lingering.
      processErr.println("qdiff kernel: cannot bind the ports of " + connectionFile + ": " + e);
      System.exit(1);
    }
    jupyter.waitUntilClose();
    // Threads of notebook code (pools, timers) must not keep a shut-down kernel alive.
    System.exit(0);
  }

  private static String version() {
    Properties properties = new Properties();
    try (InputStream in = KernelMain.class.getClassLoader().getResourceAsStream(POM_PROPERTIES)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // The version is informational only.
    }
    return properties.getProperty("version", "dev");
  }
}
