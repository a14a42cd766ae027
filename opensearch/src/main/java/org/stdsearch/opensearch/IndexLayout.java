package org.stdsearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The indexes of one stdsearch deployment in a cluster, their mappings and their analysis: the
 * one place that knows the layout (as {@code index.Schema} does for the embedded index).
 *
 * <p>The analysis mirrors the embedded schema with OpenSearch's built-in filters: the standard
 * tokenizer, CJK width folding, lower case, CJK bigrams (plus unigrams at index time only),
 * English possessives and the Porter stemmer; token pairs are shingles of two over the query-time
 * chain; suggestions are edge n-grams (1 to 24). Differences from the embedded index are stated
 * in docs/opensearch.md.
 */
public final class IndexLayout {
  /**
   * Layout version, kept in each index's {@code _meta}. The indexing side rebuilds indexes of
   * another version (as the embedded index rebuilds on a schema change); searching sides refuse them.
   */
  public static final String VERSION = "1";
  static final String META_KEY = "stdsearch_layout";

  private final String base;

  public IndexLayout(String base) {
    this.base = base;
  }

  /** Standards: one document per standard, with its full text; hits are rendered from doc values. */
  public String standards() {
    return base;
  }

  /** Term entries (the glossary and {@code /terms}). */
  public String terms() {
    return base + "-terms";
  }

  /** The text in passages of one page and one clause: snippets and the text itself. */
  public String passages() {
    return base + "-passages";
  }

  /** The incremental state of each file. */
  public String files() {
    return base + "-files";
  }

  public List<String> all() {
    return List.of(standards(), terms(), passages(), files());
  }

  /** The mapping resource of {@code index}. */
  String mappingResource(String index) {
    if (index.equals(standards())) {
      return "standards.json";
    }
    if (index.equals(terms())) {
      return "terms.json";
    }
    if (index.equals(passages())) {
      return "passages.json";
    }
    if (index.equals(files())) {
      return "files.json";
    }
    throw new IllegalArgumentException("not one of ours: " + index);
  }

  /**
   * The body creating {@code index}: one shard (BM25 statistics per shard, so one shard ranks
   * exactly as the embedded index does; a cluster with more documents than one shard holds
   * can raise it), one replica as soon as a second data node is there, our analysis and mapping.
   */
  String createBody(String index, int shards) {
    ObjectNode body = Documents.mapper().createObjectNode();
    ObjectNode settings = body.putObject("settings");
    ObjectNode idx = settings.putObject("index");
    idx.put("number_of_shards", shards);
    idx.put("auto_expand_replicas", "0-1");
    idx.set("analysis", resource("analysis.json"));
    ObjectNode mappings = (ObjectNode) resource(mappingResource(index));
    mappings.putObject("_meta").put(META_KEY, VERSION);
    body.set("mappings", mappings);
    return body.toString();
  }

  private static JsonNode resource(String name) {
    try (InputStream in = IndexLayout.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return Documents.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
