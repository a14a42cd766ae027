package org.stdsearch.search.opensearch;

import java.util.List;

/**
 * What the search side needs to know from recognition, without depending on it: the identifier
 * keys a query names (the same keys the indexer stored, so an identifier query finds exactly what
 * the embedded index finds) and the glossary's normal form of a name. The application passes the
 * recogniser's own functions; this module never loads the indexer (and so no Lucene).
 */
public interface Vocabulary {

  /** Normalised identifier keys a query names, most specific first; empty when it names none. */
  List<String> identifierKeys(String query);

  /** The normalised key of an identifier as typed after {@code id:}. */
  String identifierKey(String text);

  /**
   * Keys whose extensions an identifier being typed may complete to: its normalised form and,
   * when it parses as an identifier, its undated and dated keys.
   */
  List<String> identifierPrefixKeys(String typed);

  /** A name in the glossary's normal form (NFKC, lower case, single spaces). */
  String glossaryKey(String name);
}
