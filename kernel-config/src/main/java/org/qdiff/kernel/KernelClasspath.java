package org.qdiff.kernel;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The kernel's own classpath: the kernel jar, qdiff and every dependency in {@code lib/}. */
public final class KernelClasspath {

  private final String classpath;
  private final List<String> jarNames;

  private KernelClasspath(String classpath) {
    this.classpath = classpath;
    this.jarNames =
        Stream.of(classpath.split(File.pathSeparator))
            .filter(entry -> entry.endsWith(".jar"))
            .map(entry -> Path.of(entry).getFileName().toString())
            .toList();
  }

  /** The classpath this JVM was started with. */
  static KernelClasspath ofThisJvm() {
    return new KernelClasspath(System.getProperty("java.class.path"));
  }

  /** The class path string, entries separated by the platform's path separator. */
  public String asString() {
    return classpath;
  }

  /**
   * The kernel's jar of an artifact, judged by Maven's file naming {@code artifactId-version.jar}.
   *
   * @param artifactId e.g. {@code commons-lang3}
   * @return the file name of the kernel's jar, if there is one
   */
  public Optional<String> jarOf(String artifactId) {
    String prefix = artifactId + "-";
    return jarNames.stream()
        .filter(name -> name.startsWith(prefix))
        .filter(
            name ->
                name.length() > prefix.length() && Character.isDigit(name.charAt(prefix.length())))
        .findFirst();
  }
}
