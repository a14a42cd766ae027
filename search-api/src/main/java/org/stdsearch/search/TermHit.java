package org.stdsearch.search;

/** A term entry from a terms-and-definitions clause, and the standard defining it. */
public record TermHit(String termZh, String termEn, String definition, String clause, String standardId,
    String identifier) {}
