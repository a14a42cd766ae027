package org.stdsearch.classify;

/** PLACEHOLDER until the classifier lands. */
public record FieldAssignment(String fieldId, double confidence) {}
