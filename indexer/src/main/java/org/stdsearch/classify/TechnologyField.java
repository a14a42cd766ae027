package org.stdsearch.classify;

import java.util.List;
import java.util.Objects;

/**
 * One node of the technology-field taxonomy, e.g. {@code cit.sec.crypto} 密码技术 / Cryptography.
 *
 * @param id short, URL-safe, lowercase id; a child's id extends its parent's ({@code cit.ai})
 * @param labelZh Chinese label
 * @param labelEn English label
 * @param parentId id of the parent field, or null for one of the top-level fields
 * @param children ids of the child fields, in taxonomy order
 */
public record TechnologyField(
    String id, String labelZh, String labelEn, String parentId, List<String> children) {

  public TechnologyField {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(labelZh, "labelZh");
    Objects.requireNonNull(labelEn, "labelEn");
    children = List.copyOf(children);
  }

  /** The label in {@code lang}: Chinese for {@code zh}, {@code zh-CN}, ...; English otherwise. */
  public String label(String lang) {
    return lang != null && lang.toLowerCase(java.util.Locale.ROOT).startsWith("zh") ? labelZh : labelEn;
  }

  public boolean isTopLevel() {
    return parentId == null;
  }
}
