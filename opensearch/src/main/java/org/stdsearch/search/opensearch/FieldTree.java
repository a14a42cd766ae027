package org.stdsearch.search.opensearch;

import java.util.List;

/**
 * The technology-field taxonomy as the search side shows it: ids, their labels and their place in
 * the tree. The application passes the classifier's taxonomy; this module never loads it.
 */
public interface FieldTree {

  /** Top-level field ids, in taxonomy order. */
  List<String> roots();

  /** Child ids of {@code id}, in taxonomy order. */
  List<String> children(String id);

  /** The label of {@code id} in {@code lang} (zh, en), or the id when the taxonomy does not know it. */
  String label(String id, String lang);

  /** Ids from the top-level field down to {@code id}. */
  List<String> path(String id);
}
