package org.qdiff.kernel.magic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.qdiff.kernel.QdiffKernel;

/**
 * {@code %load file.jsh}: runs a file of Java snippets (magics allowed) as if it were a cell and
 * returns the value of its last expression. Errors point at lines of the file.
 */
public final class LoadMagic implements LineMagic<Object, QdiffKernel> {

  @Override
  public Object eval(QdiffKernel kernel, List<String> args) throws IOException {
    if (args.size() != 1) {
      throw new IllegalArgumentException("%load: give one file, e.g. %load setup.jsh; got " + args);
    }
    Path file = Path.of(args.get(0));
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "%load: no file "
              + file.toAbsolutePath()
              + " (relative paths start at the notebook's directory)");
    }
    return kernel.evaluate(Files.readString(file), file.getFileName().toString(), 1);
  }
}
