package org.stdsearch.opensearch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The documents stdsearch keeps in an OpenSearch cluster, one record per index of {@link
 * IndexLayout}, and the one Jackson configuration that writes and reads them (snake_case, ISO
 * dates, no nulls). Field names here are the mapping's ({@code standards.json}, ...): the sink
 * writes these records and the search service reads them, so the two cannot disagree.
 */
public final class Documents {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private Documents() {}

  /** Shared and thread-safe; do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * One standard in the standards index ({@code _id} = {@code id}). The full text is indexed as
   * {@code content} (with its token pairs as {@code content.pairs}); {@code _source} keeps it, so a
   * partial update (the {@code superseded} flag) can re-index the document, but a hit never reads
   * {@code _source}: it is rendered from {@code hit} and a few keywords in doc values, as the
   * embedded index renders hits from its hit record.
   *
   * @param identifierKey normalised identifier keys: exact identifier hits
   * @param undatedKey the key all editions of the standard share
   * @param sortDate publication day (epoch day), else 1 January of the year; {@code Long.MIN_VALUE} undated
   * @param references keys of the standards it cites
   * @param superseded a newer edition or a standard replacing it is in the index: kept by {@link
   *     Lineage}, never by the writer of the standard itself
   * @param fieldId technology field ids, each with all its ancestors
   * @param generation which write of the file this is: passages and term entries of older writes are
   *     cleaned up by it
   * @param charset the encoding a text file was read in, served with it; null for other types
   * @param pageStarts offsets where pages start in the text
   * @param hit base64 of the UTF-8 JSON of the record without clauses, terms and references (a
   *     binary doc value): what a hit is rendered from
   * @param record everything recognised, as the detail view shows it: the JSON of the contract's
   *     {@code StandardDetail.Metadata} (the indexer's stored record has the same shape), not
   *     indexed
   */
  public record StandardDocument(
      String id,
      String path,
      String generation,
      String identifier,
      List<String> identifierKey,
      String undatedKey,
      String family,
      Integer year,
      LocalDate published,
      LocalDate implemented,
      long sortDate,
      List<String> ics,
      List<String> ccs,
      List<String> replaces,
      List<String> references,
      String declaredStatus,
      Boolean superseded,
      String type,
      String level,
      List<String> lang,
      List<String> fieldId,
      String mime,
      String extractionStatus,
      String contentHash,
      String charset,
      String title,
      String content,
      String suggest,
      List<Integer> pageStarts,
      String hit,
      JsonNode record) {}

  /**
   * A term entry from a standard's terms-and-definitions clause, in the terms index; {@code
   * glossaryKey} and {@code termPair} ({@code "zh TAB en"} in normal form) make the zh⇄en glossary.
   */
  public record TermDocument(
      String path,
      String generation,
      String termSource,
      String termZh,
      String termEn,
      String termDefinition,
      String termClause,
      List<String> glossaryKey,
      String termPair,
      String suggest) {}

  /**
   * A stretch of a standard's text within one page and one clause, in the passages index: what
   * snippets are cut from (so each says its page and clause), and the text itself, in order.
   *
   * @param start offset of the passage in the standard's text
   */
  public record PassageDocument(String standard, String path, String generation, Integer page, String clause,
      int start, String text) {}

  /**
   * The incremental state of one file, in the files index ({@code _id} = the path): a run compares
   * the docs folder with these, so an interrupted run resumes from what was written.
   */
  public record FileState(String path, String stateKey, String mime, long size, long modified) {}
}
