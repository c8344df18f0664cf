package org.qdiff.kernel.magic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.qdiff.kernel.QdiffKernel;

/**
 * {@code %maven group:artifact:version ...}: resolves the artifacts with their runtime dependencies
 * and adds the jars to the notebook's classpath.
 *
 * <p>Jars of artifacts the kernel already has (qdiff, ND4J, Tablesaw, XChart and their
 * dependencies) are not added again: a second copy of a class behind the kernel's own would never
 * be loaded and only confuse.
 */
public final class MavenMagic implements LineMagic<Void, QdiffKernel> {

  private final MavenResolver resolver;

  /**
   * @param resolver resolves coordinates to jars
   */
  public MavenMagic(MavenResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public Void eval(QdiffKernel kernel, List<String> args) {
    if (args.isEmpty()) {
      throw new IllegalArgumentException(
          "%maven: give coordinates, e.g. %maven org.apache.commons:commons-text:1.10.0");
    }
    for (String coordinates : args) {
      List<Path> added = new ArrayList<>();
      List<String> provided = new ArrayList<>();
      for (MavenResolver.ResolvedJar jar : resolver.resolve(coordinates)) {
        Optional<String> kernelJar = kernel.classpath().jarOf(jar.artifactId());
        if (kernelJar.isPresent()) {
          provided.add(kernelJar.get());
        } else {
          added.add(jar.file().toPath());
        }
      }
      kernel.addToClasspath(added);
      StringBuilder summary = new StringBuilder("%maven " + coordinates + ": added ");
      summary.append(added.size()).append(added.size() == 1 ? " jar" : " jars");
      for (Path jar : added) {
        summary.append("\n  ").append(jar.getFileName());
      }
      if (!provided.isEmpty()) {
        summary.append("\n  already in the kernel: ").append(String.join(", ", provided));
      }
      System.out.println(summary);
    }
    return null;
  }
}
