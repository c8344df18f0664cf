package org.qdiff.kernel.magic;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Resolves Maven coordinates and their runtime dependencies to jar files, with Maven Resolver: from
 * the local repository ({@code ~/.m2/repository}, or {@code -Dmaven.repo.local}) and otherwise from
 * Maven Central.
 */
public final class MavenResolver {

  private static final String CENTRAL_URL = "https://repo.maven.apache.org/maven2/";

  private final Path localRepository;
  private RepositorySystem system; // created on first use: it costs ~0.3 s of class loading

  /** A resolver using the local repository of the user running the kernel. */
  public MavenResolver() {
    this(defaultLocalRepository());
  }

  /**
   * @param localRepository where artifacts are cached (not modified except by downloads)
   */
  public MavenResolver(Path localRepository) {
    this.localRepository = localRepository;
  }

  private static Path defaultLocalRepository() {
    String configured = System.getProperty("maven.repo.local");
    return configured != null
        ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  /** A resolved artifact: coordinates and jar file. */
  public record ResolvedJar(String coordinates, String artifactId, File file) {}

  /**
   * Resolves one artifact and its transitive runtime dependencies.
   *
   * @param coordinates {@code group:artifact:version}, or with extension and classifier as in
   *     {@code group:artifact[:extension[:classifier]]:version}
   * @return the jars, the requested artifact first
   * @throws IllegalArgumentException if the coordinates are malformed or cannot be resolved
   */
  public synchronized List<ResolvedJar> resolve(String coordinates) {
    Artifact artifact;
    try {
      artifact = new DefaultArtifact(coordinates);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "%maven: coordinates must be group:artifact:version, got '" + coordinates + "'", e);
    }
    if (system == null) {
      system = new RepositorySystemSupplier().get();
    }
    DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
    session.setLocalRepositoryManager(
        system.newLocalRepositoryManager(session, new LocalRepository(localRepository.toFile())));
    // POM profiles activated by JDK version or OS need the properties of this JVM.
    session.setSystemProperties(System.getProperties());

    RemoteRepository central =
        new RemoteRepository.Builder("central", "default", CENTRAL_URL).build();
    CollectRequest collect =
        new CollectRequest(new Dependency(artifact, JavaScopes.RUNTIME), List.of(central));
    DependencyRequest request =
        new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
    List<ResolvedJar> jars = new ArrayList<>();
    try {
      for (ArtifactResult result :
          system.resolveDependencies(session, request).getArtifactResults()) {
        Artifact resolved = result.getArtifact();
        if (resolved != null && resolved.getFile() != null) {
          jars.add(
              new ResolvedJar(resolved.toString(), resolved.getArtifactId(), resolved.getFile()));
        }
      }
    } catch (DependencyResolutionException e) {
      throw new IllegalArgumentException(
          "%maven: cannot resolve " + coordinates + ": " + rootMessage(e), e);
    }
    return jars;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? e.getMessage() : root.getMessage();
  }
}
