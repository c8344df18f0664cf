package org.qdiff.kernel.magic;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.dflib.jjava.jupyter.kernel.util.PathsHandler;
import org.qdiff.kernel.QdiffKernel;

/**
 * {@code %classpath a.jar:classes/} and {@code %jars lib/*.jar other.jar}: add jars or class
 * directories to the notebook's classpath. Arguments may be globs; relative paths start at the
 * notebook's directory (the kernel's working directory).
 */
public final class ClasspathMagic implements LineMagic<Void, QdiffKernel> {

  private final String name;

  /**
   * @param name the magic's name, for messages: {@code classpath} or {@code jars}
   */
  public ClasspathMagic(String name) {
    this.name = name;
  }

  @Override
  public Void eval(QdiffKernel kernel, List<String> args) {
    if (args.isEmpty()) {
      throw new IllegalArgumentException(
          "%" + name + ": give jars or directories, e.g. %" + name + " lib/*.jar");
    }
    List<Path> entries = new ArrayList<>();
    for (String argument : args) {
      for (String pattern : argument.split(File.pathSeparator)) {
        if (pattern.isBlank()) {
          continue;
        }
        List<Path> matches = PathsHandler.resolveGlobs(pattern);
        if (matches.isEmpty() && !pattern.contains("*") && Files.exists(Path.of(pattern))) {
          matches = List.of(Path.of(pattern));
        }
        if (matches.isEmpty()) {
          throw new IllegalArgumentException(
              "%"
                  + name
                  + ": nothing matches '"
                  + pattern
                  + "' (from "
                  + Path.of("").toAbsolutePath()
                  + ")");
        }
        matches.forEach(path -> entries.add(path.toAbsolutePath().normalize()));
      }
    }
    kernel.addToClasspath(entries);
    System.out.println(
        "%" + name + ": added " + entries.size() + (entries.size() == 1 ? " entry" : " entries"));
    return null;
  }
}
