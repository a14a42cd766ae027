package org.stdsearch.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyTest {

  @TempDir Path dir;

  private Path write(String json) throws IOException {
    Path file = dir.resolve("taxonomy.json");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void bundledTaxonomyHasTheEightKeyFieldsOfTheActionPlan() {
    Taxonomy t = Taxonomy.bundled();
    assertThat(t.roots()).extracting(TechnologyField::id)
        .containsExactly("cit", "di", "dr", "id", "eg", "ps", "dc", "dg");
    assertThat(t.field("cit.sec.crypto")).get().extracting(f -> f.label("zh")).isEqualTo("密码技术");
    assertThat(t.field("cit.ai.gen")).get().extracting(f -> f.label("en")).isEqualTo("Generative artificial intelligence");
  }

  @Test
  void projectFileIsTheBundledOne() {
    Path file = Path.of(System.getProperty("stdsearch.projectRoot", ".."), "corpus", "taxonomy.json");
    Taxonomy onDisk = Taxonomy.loadOrBundled(file);
    assertThat(onDisk.all()).isEqualTo(Taxonomy.bundled().all());
  }

  @Test
  void fallsBackToBundledWhenFileIsAbsentOrNotGiven() {
    assertThat(Taxonomy.loadOrBundled(null).source()).startsWith("classpath:");
    assertThat(Taxonomy.loadOrBundled(dir.resolve("missing.json")).source()).startsWith("classpath:");
  }

  @Test
  void pathRunsFromTopLevelFieldDownToTheField() {
    Taxonomy t = Taxonomy.bundled();
    assertThat(t.path("cit.sec.crypto")).containsExactly("cit", "cit.sec", "cit.sec.crypto");
    assertThat(t.path("dg")).containsExactly("dg");
    assertThat(t.path("nope")).isEmpty();
  }

  @Test
  void descendantsAndSelfListParentsBeforeChildren() {
    Taxonomy t = Taxonomy.bundled();
    assertThat(t.descendantsAndSelf("cit.sec")).extracting(TechnologyField::id)
        .containsExactly("cit.sec", "cit.sec.crypto");
    assertThat(t.descendantsAndSelf("di")).extracting(TechnologyField::id)
        .startsWith("di", "di.net", "di.net.mobile").contains("di.cp.dc");
    assertThat(t.children("cit.ai")).extracting(TechnologyField::id).containsExactly("cit.ai.gen");
    assertThat(t.field("cit.ai.gen")).get().extracting(TechnologyField::parentId).isEqualTo("cit.ai");
    assertThat(t.all()).hasSize(t.roots().stream().mapToInt(r -> t.descendantsAndSelf(r.id()).size()).sum());
  }

  @Test
  void topLevelEntryMayAttachItselfToAParent() throws IOException {
    Taxonomy t = Taxonomy.load(write("""
        {"fields": [
          {"id": "a", "labels": {"zh": "甲", "en": "A"}},
          {"id": "a.b", "parent": "a", "labels": {"zh": "乙", "en": "B"}, "keywords": {"bee": 2}}
        ]}"""));
    assertThat(t.roots()).extracting(TechnologyField::id).containsExactly("a");
    assertThat(t.path("a.b")).containsExactly("a", "a.b");
  }

  @Test
  void rejectsDuplicateIdsNamingTheFile() throws IOException {
    Path file = write("""
        {"fields": [
          {"id": "a", "labels": {"zh": "甲", "en": "A"}, "children": [{"id": "a", "labels": {"zh": "乙", "en": "B"}}]}
        ]}""");
    assertThatThrownBy(() -> Taxonomy.load(file))
        .isInstanceOf(InvalidTaxonomyException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("duplicate id \"a\"");
  }

  @Test
  void rejectsAParentThatDoesNotExist() throws IOException {
    Path file = write("""
        {"fields": [{"id": "x.y", "parent": "x", "labels": {"zh": "乙", "en": "B"}}]}""");
    assertThatThrownBy(() -> Taxonomy.load(file))
        .isInstanceOf(InvalidTaxonomyException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("parent \"x\" does not exist");
  }

  @Test
  void rejectsUnusableFieldsWithAReason() throws IOException {
    assertInvalid("{\"fields\": [{\"id\": \"Bad Id\", \"labels\": {\"zh\": \"甲\", \"en\": \"A\"}}]}", "id must be");
    assertInvalid("{\"fields\": [{\"id\": \"a\", \"labels\": {\"en\": \"A\"}}]}", "labels.zh and labels.en");
    assertInvalid("{\"fields\": [{\"id\": \"a\", \"labels\": {\"zh\": \"甲\", \"en\": \"A\"}, \"keyword\": {}}]}",
        "unknown key \"keyword\"");
    assertInvalid("{\"fields\": [{\"id\": \"a\", \"labels\": {\"zh\": \"甲\", \"en\": \"A\"}, \"keywords\": {\"ab*\": 1}}]}",
        "at least 3 letters");
    assertInvalid("{\"fields\": [{\"id\": \"a\", \"labels\": {\"zh\": \"甲\", \"en\": \"A\"}, \"ics\": {\"35.040\": \"x\"}}]}",
        "numeric weight");
    assertInvalid("{\"fields\": [", "not valid JSON");
    assertInvalid("{\"version\": 1}", "\"fields\" array");
  }

  private void assertInvalid(String json, String reason) throws IOException {
    Path file = write(json);
    assertThatThrownBy(() -> Taxonomy.load(file))
        .isInstanceOf(InvalidTaxonomyException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining(reason);
  }
}
