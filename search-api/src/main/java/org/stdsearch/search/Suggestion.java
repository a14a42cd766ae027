package org.stdsearch.search;

/**
 * An as-you-type suggestion.
 *
 * @param text what to show
 * @param type {@code identifier}, {@code title} or {@code term}
 * @param id the standard's id (for a term, the standard defining it)
 */
public record Suggestion(String text, String type, String id) {}
