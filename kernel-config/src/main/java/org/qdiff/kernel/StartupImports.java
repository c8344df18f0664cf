package org.qdiff.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The imports every notebook starts with: qdiff's packages, Tablesaw, XChart and {@code java.util}.
 *
 * <p>Only packages present on the classpath are imported, so the kernel starts whatever stage the
 * library is at. Where a qdiff class has the same simple name as a class of another imported
 * package ({@code org.qdiff.observe.Observable} and {@code java.util.Observable}), a single-type
 * import makes the qdiff class win, instead of the notebook failing with "reference is ambiguous".
 */
final class StartupImports {

  /** Imported on demand, in this order. */
  static final List<String> PACKAGES =
      List.of(
          "org.qdiff.lattice",
          "org.qdiff.hamiltonian",
          "org.qdiff.state",
          "org.qdiff.observe",
          "org.qdiff.propagate",
          "org.qdiff.frame",
          "org.qdiff.plot",
          "org.qdiff.analysis",
          "org.qdiff.random",
          "org.qdiff.walk",
          "org.qdiff.rotor",
          "org.qdiff.units",
          "org.qdiff.spectrum",
          "tech.tablesaw.api",
          "org.knowm.xchart",
          "java.util");

  /** The notebook helpers: {@code display}, {@code updateDisplay}, {@code render}. */
  static final String NOTEBOOK_STATICS = "import static " + Notebook.class.getName() + ".*;";

  private StartupImports() {}

  /** Import statements for the packages {@code loader} can see. */
  static List<String> statements(ClassLoader loader) {
    List<String> present = PACKAGES.stream().filter(name -> exists(loader, name)).toList();
    List<String> statements = new ArrayList<>();
    present.forEach(name -> statements.add("import " + name + ".*;"));
    for (String qdiffPackage : present) {
      if (!qdiffPackage.startsWith("org.qdiff.")) {
        continue;
      }
      for (String simpleName : classesOf(loader, qdiffPackage)) {
        boolean shadowed =
            present.stream()
                .filter(other -> !other.startsWith("org.qdiff."))
                .anyMatch(other -> loader.getResource(path(other) + simpleName + ".class") != null);
        if (shadowed) {
          statements.add("import " + qdiffPackage + "." + simpleName + ";");
        }
      }
    }
    statements.add(NOTEBOOK_STATICS);
    return statements;
  }

  /** Whether a package has classes on the classpath (JDK packages always do). */
  static boolean exists(ClassLoader loader, String packageName) {
    if (packageName.startsWith("java.")) {
      return true;
    }
    return !classesOf(loader, packageName).isEmpty();
  }

  private static String path(String packageName) {
    return packageName.replace('.', '/') + "/";
  }

  /**
   * Simple names of the top-level public-looking classes of a package, from its jar or directory.
   */
  static List<String> classesOf(ClassLoader loader, String packageName) {
    String directory = path(packageName);
    List<String> names = new ArrayList<>();
    try {
      for (URL url : java.util.Collections.list(loader.getResources(directory))) {
        names.addAll(classesAt(url, directory));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names.stream().distinct().toList();
  }

  private static List<String> classesAt(URL url, String directory) throws IOException {
    if ("jar".equals(url.getProtocol())) {
      JarURLConnection connection = (JarURLConnection) url.openConnection();
      connection.setUseCaches(false);
      try (JarFile jar = connection.getJarFile()) {
        return jar.stream()
            .map(entry -> entry.getName())
            .filter(name -> name.startsWith(directory))
            .map(name -> name.substring(directory.length()))
            .filter(StartupImports::isTopLevelClassFile)
            .map(name -> name.substring(0, name.length() - ".class".length()))
            .toList();
      }
    }
    if ("file".equals(url.getProtocol())) {
      try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
        return files
            .map(file -> file.getFileName().toString())
            .filter(StartupImports::isTopLevelClassFile)
            .map(name -> name.substring(0, name.length() - ".class".length()))
            .toList();
      } catch (URISyntaxException e) {
        return List.of();
      }
    }
    return List.of();
  }

  private static boolean isTopLevelClassFile(String name) {
    return name.endsWith(".class")
        && !name.contains("/")
        && !name.contains("$")
        && !name.equals("package-info.class")
        && !name.equals("module-info.class");
  }
}
