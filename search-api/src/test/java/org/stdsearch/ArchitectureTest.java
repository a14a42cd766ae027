package org.stdsearch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows between packages, over the production classes of both modules: the pipeline stages
 * only look forward, and the search contract is free of every backend (issue 17), so that a
 * second backend implements it and the HTTP layer, the CLI and the page know nothing else.
 */
class ArchitectureTest {
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    // Jars included: in a full build the indexer module is on the classpath as its packaged jar.
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.stdsearch");
  }

  @Test
  void importsTheClassesOfBothModules() {
    // A rule over no classes passes vacuously: make sure the scan found what it checks.
    for (String name : new String[] {"org.stdsearch.search.SearchService", "org.stdsearch.index.Indexer",
        "org.stdsearch.http.Routes", "org.stdsearch.search.lucene.LuceneSearchService"}) {
      org.assertj.core.api.Assertions.assertThat(classes.contain(name)).as(name).isTrue();
    }
  }

  @Test
  void searchContractDependsOnTheJdkAlone() {
    classes().that().resideInAPackage("org.stdsearch.search")
        .should().onlyDependOnClassesThat().resideInAnyPackage("org.stdsearch.search", "java..")
        .because("the contract must compile without Lucene, Tika or the indexer's records")
        .check(classes);
  }

  @Test
  void httpKnowsOnlyTheSearchContract() {
    noClasses().that().resideInAPackage("org.stdsearch.http..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.lucene..", "org.apache.tika..",
            "org.stdsearch.search.lucene..", "org.stdsearch.index..", "org.stdsearch.extract..",
            "org.stdsearch.recognise..", "org.stdsearch.classify..", "org.stdsearch.cli..")
        .check(classes);
  }

  @Test
  void onlyTheWiringPointOfTheCliChoosesABackend() {
    noClasses().that().resideInAPackage("org.stdsearch.cli..")
        .and().doNotHaveFullyQualifiedName("org.stdsearch.cli.Backends")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.lucene..", "org.apache.tika..",
            "org.stdsearch.search.lucene..")
        .check(classes);
  }

  @Test
  void pipelineStagesOnlyLookForward() {
    layeredArchitecture().consideringOnlyDependenciesInAnyPackage("org.stdsearch..")
        .layer("extract").definedBy("org.stdsearch.extract..")
        .layer("recognise").definedBy("org.stdsearch.recognise..")
        .layer("classify").definedBy("org.stdsearch.classify..")
        .layer("index").definedBy("org.stdsearch.index..")
        .layer("search contract").definedBy("org.stdsearch.search")
        .layer("search backend").definedBy("org.stdsearch.search.lucene..")
        .layer("http").definedBy("org.stdsearch.http..")
        .layer("cli").definedBy("org.stdsearch.cli..")
        .whereLayer("cli").mayNotBeAccessedByAnyLayer()
        .whereLayer("http").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("search backend").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("search contract").mayOnlyBeAccessedByLayers("search backend", "http", "cli")
        .whereLayer("index").mayOnlyBeAccessedByLayers("search backend", "cli")
        .whereLayer("classify").mayOnlyBeAccessedByLayers("index", "search backend", "cli")
        .whereLayer("recognise").mayOnlyBeAccessedByLayers("index", "search backend", "cli")
        .whereLayer("extract").mayOnlyBeAccessedByLayers("recognise", "index", "search backend", "cli")
        .check(classes);
  }
}
