package org.stdsearch.search;

import java.util.List;
import org.stdsearch.index.StandardMetadata;

/**
 * One standard in full: its stored metadata plus what is computed across the index (status,
 * lineage, citations both ways, similar standards).
 *
 * @param metadata everything recognised at indexing time
 * @param heading what to show as its heading: identifier, else title, else file name ({@link
 *     SearchResponse#heading})
 * @param status current / upcoming / superseded / withdrawn, computed now
 * @param fields technology fields with labels
 * @param references cited standards, resolved to ids where they are in the index
 * @param referencedBy standards in the index citing this one
 * @param replaces the standards this one replaces (resolved where indexed)
 * @param replacedBy standards in the index that replace this one (or newer editions)
 * @param similar the 5 most similar standards (MoreLikeThis)
 * @param pages page count
 */
public record StandardDetail(
    StandardMetadata metadata,
    String heading,
    String status,
    List<SearchResponse.FieldLabel> fields,
    List<Link> references,
    List<Link> referencedBy,
    List<Link> replaces,
    List<Link> replacedBy,
    List<Link> similar,
    int pages) {

  /**
   * A standard mentioned by another: its identifier as written, its id when indexed, and its
   * title (else its file name) when indexed.
   */
  public record Link(String identifier, String id, String title) {}
}
