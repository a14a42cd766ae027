package org.stdsearch.cli;

import java.util.Map;
import picocli.CommandLine.Option;

/** The backend options {@code serve}, {@code index} and {@code search} share (a picocli mixin). */
final class BackendOptions {
  @Option(names = "--backend", paramLabel = "embedded|opensearch",
      description = "Where the index lives: embedded (a Lucene index on local disk, the default) or opensearch.")
  String backend;

  @Option(names = "--opensearch-url", paramLabel = "URL",
      description = {"OpenSearch node address(es), comma-separated (http:// or https://). Credentials from",
        "STDSEARCH_OPENSEARCH_USERNAME and STDSEARCH_OPENSEARCH_PASSWORD."})
  String opensearchUrl;

  @Option(names = "--opensearch-index", paramLabel = "NAME",
      description = "Base name of the indexes in the cluster (default: stdsearch).")
  String opensearchIndex;

  @Option(names = "--opensearch-ca", paramLabel = "FILE",
      description = "A PEM CA certificate to trust for https:// (default: the JDK's trust store).")
  String opensearchCa;

  /** Adds the options given to {@code flags}, by configuration key. */
  void addTo(Map<String, String> flags) {
    if (backend != null) flags.put("backend", backend);
    if (opensearchUrl != null) flags.put("opensearch.url", opensearchUrl);
    if (opensearchIndex != null) flags.put("opensearch.index", opensearchIndex);
    if (opensearchCa != null) flags.put("opensearch.ca", opensearchCa);
  }
}
