/**
 * Technology-field classification: the editable taxonomy ({@link org.stdsearch.classify.Taxonomy})
 * and the rule-based multi-label {@link org.stdsearch.classify.FieldClassifier} that assigns
 * recognised standards to its fields.
 */
package org.stdsearch.classify;
