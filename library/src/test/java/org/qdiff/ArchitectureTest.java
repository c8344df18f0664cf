package org.qdiff;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package graph stays acyclic and the layers stay in order. */
class ArchitectureTest {

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.qdiff");

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("org.qdiff.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void numericKernelsKnowNoPhysicsTypesOrTables() {
    noClasses()
        .that()
        .resideInAPackage("org.qdiff.numeric..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.qdiff.lattice..",
            "org.qdiff.hamiltonian..",
            "org.qdiff.state..",
            "org.qdiff.propagate..",
            "tech.tablesaw..")
        .check(classes);
  }

  @Test
  void theLibraryNeverLearnsAboutJupyter() {
    noClasses()
        .that()
        .resideInAPackage("org.qdiff..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.dflib..")
        .check(classes);
  }
}
