package org.qdiff.kernel.execution;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

/**
 * The class loader of notebook code: classes JShell compiles from cells, plus jars added at run
 * time by {@code %maven}, {@code %jars} and {@code %classpath}, on top of the kernel's own
 * classpath.
 *
 * <p>Its parent is the kernel's class loader, so a cell and the kernel share one copy of qdiff,
 * ND4J and the renderers' types: a {@code Table} built in a cell is the {@code Table} the kernel's
 * renderer knows.
 */
public final class SnippetClassLoader extends URLClassLoader {

  static {
    registerAsParallelCapable();
  }

  private final Map<String, byte[]> pendingClasses = new ConcurrentHashMap<>();
  private final Set<String> kernelClasspath;

  /**
   * @param parent the kernel's class loader, which already holds {@code kernelClasspath}
   * @param kernelClasspath the entries of the kernel's own classpath (not modified)
   */
  SnippetClassLoader(ClassLoader parent, Set<String> kernelClasspath) {
    super("qdiff-notebook", new URL[0], parent);
    this.kernelClasspath = Set.copyOf(kernelClasspath);
  }

  /** Remembers compiled bytecode; the class is defined when first loaded. */
  void declare(String name, byte[] bytecode) {
    pendingClasses.put(name, bytecode);
  }

  /**
   * Adds class path entries that the kernel does not already provide. Entries of the kernel's own
   * classpath are skipped: JShell passes them here too (it needs them for compiling), but loading
   * them a second time here would only give duplicate resources.
   *
   * @param classpath entries separated by {@link File#pathSeparator}
   */
  void addClasspath(String classpath) throws MalformedURLException {
    for (String entry : classpath.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      String absolute = Path.of(entry).toAbsolutePath().normalize().toString();
      if (!kernelClasspath.contains(absolute)) {
        addURL(Path.of(absolute).toUri().toURL());
      }
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytecode = pendingClasses.remove(name);
    if (bytecode != null) {
      return defineClass(name, bytecode, 0, bytecode.length);
    }
    return super.findClass(name);
  }

  /** Normalized absolute entries of a class path string, for comparing paths. */
  static Set<String> entriesOf(String classpath) {
    return Stream.of(classpath.split(File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Connects JShell's class installation to this loader. */
  static final class Delegate implements LoaderDelegate {
    private final SnippetClassLoader loader;
    private final Map<String, Class<?>> loadedClasses = new ConcurrentHashMap<>();

    /** Snippet classes, oldest first. */
    private final List<Class<?>> loadOrder = new CopyOnWriteArrayList<>();

    Delegate(SnippetClassLoader loader) {
      this.loader = loader;
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException {
      boolean[] installed = new boolean[classes.length];
      try {
        for (ClassBytecodes bytecodes : classes) {
          loader.declare(bytecodes.name(), bytecodes.bytecodes());
        }
        for (int i = 0; i < classes.length; i++) {
          Class<?> loaded = loader.loadClass(classes[i].name());
          // Linking now reports bad bytecode at install time, as JShell expects, not at first use.
          loaded.getDeclaredMethods();
          loadedClasses.put(classes[i].name(), loaded);
          loadOrder.add(loaded);
          installed[i] = true;
        }
      } catch (ClassNotFoundException | LinkageError e) {
        throw new ClassInstallException("load: " + e.getMessage(), installed);
      }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] classes) {
      // Redefinition is not supported (DirectExecutionControl reports that), so JShell never calls.
    }

    @Override
    public void addToClasspath(String path) throws InternalException {
      try {
        loader.addClasspath(path);
      } catch (MalformedURLException e) {
        throw new InternalException("addToClasspath: " + e.getMessage());
      }
    }

    /**
     * Releases the values of a variable that was declared again: the old declaration's class (no
     * longer used by any snippet) would otherwise hold its value for the life of the kernel, and a
     * notebook re-running a cell that allocates a large state would run out of memory.
     *
     * @param variable the variable's name; the newest class declaring it keeps its value
     */
    void releaseOverwritten(String variable) {
      boolean newest = true;
      for (int i = loadOrder.size() - 1; i >= 0; i--) {
        Field field = staticReferenceField(loadOrder.get(i), variable);
        if (field == null) {
          continue;
        }
        if (newest) {
          newest = false;
          continue;
        }
        try {
          field.setAccessible(true);
          field.set(null, null);
        } catch (ReflectiveOperationException | RuntimeException e) {
          // A field that cannot be cleared only keeps its value; nothing else depends on it.
        }
      }
    }

    private static Field staticReferenceField(Class<?> snippetClass, String name) {
      try {
        Field field = snippetClass.getDeclaredField(name);
        int modifiers = field.getModifiers();
        boolean clearable =
            Modifier.isStatic(modifiers)
                && !Modifier.isFinal(modifiers)
                && !field.getType().isPrimitive();
        return clearable ? field : null;
      } catch (NoSuchFieldException | LinkageError e) {
        return null;
      }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
      Class<?> loaded = loadedClasses.get(name);
      if (loaded == null) {
        throw new ClassNotFoundException(name + " was not loaded by the notebook");
      }
      return loaded;
    }
  }
}
