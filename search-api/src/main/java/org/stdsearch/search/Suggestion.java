package org.stdsearch.search;

/**
 * An as-you-type suggestion.
 *
 * @param text what to show
 * @param type {@code identifier}, {@code title} or {@code term}
 * @param id the standard's id (for a term, the standard defining it)
 * @param identifier the standard's identifier, or null: with {@code year} it tells apart two
 *     standards with the same title
 * @param year the standard's year, or null
 */
public record Suggestion(String text, String type, String id, String identifier, Integer year) {
  public Suggestion(String text, String type, String id) {
    this(text, type, id, null, null);
  }
}
