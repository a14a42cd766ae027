package org.stdsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the backend: flags over STDSEARCH_* over stdsearch.properties over defaults (issue 17). */
class BackendConfigTest {
  @TempDir Path dir;

  private BackendConfig resolve(Map<String, String> flags, Map<String, String> env) throws Exception {
    return BackendConfig.resolve(flags, env, null, dir);
  }

  @Test
  void nothingNamedIsTheEmbeddedIndex() throws Exception {
    BackendConfig c = resolve(Map.of(), Map.of());
    assertThat(c.isEmbedded()).isTrue();
    assertThat(c.indexing()).isTrue();
  }

  @Test
  void flagsOverEnvironmentOverFile() throws Exception {
    Files.writeString(dir.resolve("stdsearch.properties"),
        "backend=opensearch\nopensearch.url=http://file:9200\nopensearch.index=from-file\nopensearch.shards=2\n");
    BackendConfig fromFile = resolve(Map.of(), Map.of());
    assertThat(fromFile.cluster().hosts()).containsExactly(URI.create("http://file:9200"));
    assertThat(fromFile.cluster().index()).isEqualTo("from-file");
    assertThat(fromFile.shards()).isEqualTo(2);

    BackendConfig fromEnv = resolve(Map.of(), Map.of("STDSEARCH_OPENSEARCH_URL", "https://a:9200, https://b:9201",
        "STDSEARCH_INDEXING", "false"));
    assertThat(fromEnv.cluster().hosts()).containsExactly(URI.create("https://a:9200"), URI.create("https://b:9201"));
    assertThat(fromEnv.indexing()).isFalse();

    BackendConfig fromFlags = resolve(Map.of("opensearch.url", "http://flag:9200", "opensearch.index", "mine"),
        Map.of("STDSEARCH_OPENSEARCH_URL", "http://env:9200"));
    assertThat(fromFlags.cluster().hosts()).containsExactly(URI.create("http://flag:9200"));
    assertThat(fromFlags.cluster().index()).isEqualTo("mine");
  }

  @Test
  void credentialsComeFromTheEnvironmentOnly() throws Exception {
    Map<String, String> flags = Map.of("backend", "opensearch", "opensearch.url", "https://localhost:9200");
    BackendConfig c = resolve(flags, Map.of("STDSEARCH_OPENSEARCH_USERNAME", "reader",
        "STDSEARCH_OPENSEARCH_PASSWORD", "s3cret"));
    assertThat(c.cluster().username()).isEqualTo("reader");
    assertThat(c.cluster().password()).isEqualTo("s3cret");
    Files.writeString(dir.resolve("stdsearch.properties"), "opensearch.password=s3cret\n");
    assertThatThrownBy(() -> resolve(flags, Map.of())).hasMessageContaining("unknown key 'opensearch.password'");
    Files.delete(dir.resolve("stdsearch.properties"));
    assertThatThrownBy(() -> resolve(flags, Map.of("STDSEARCH_OPENSEARCH_USERNAME", "reader")))
        .hasMessageContaining("both");
    assertThatThrownBy(() -> resolve(Map.of("backend", "opensearch", "opensearch.url", "https://u:p@host:9200"),
        Map.of())).hasMessageContaining("not in the URL");
  }

  @Test
  void mistakesSayWhatToDo() {
    for (var bad : List.of(
        Map.of("backend", "solr"),
        Map.of("backend", "opensearch"),
        Map.of("backend", "opensearch", "opensearch.url", "ftp://x"),
        Map.of("backend", "opensearch", "opensearch.url", "http://x:9200", "opensearch.index", "Bad Name"),
        Map.of("backend", "opensearch", "opensearch.url", "http://x:9200", "opensearch.ca", "missing.pem"),
        Map.of("backend", "opensearch", "opensearch.url", "http://x:9200", "opensearch.shards", "0"),
        Map.of("indexing", "false"))) {
      assertThatThrownBy(() -> resolve(bad, Map.of())).as(bad.toString()).isInstanceOf(IllegalArgumentException.class)
          .hasMessageMatching("(?s).*(backend|opensearch|indexing|shards).*");
    }
  }
}
