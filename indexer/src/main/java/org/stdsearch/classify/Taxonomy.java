package org.stdsearch.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The technology-field taxonomy: a tree of {@link TechnologyField}s with their classification
 * rules, read from {@code corpus/taxonomy.json} so users can edit it without recompiling, or from
 * the copy bundled in the jar.
 *
 * <p>File shape: {@code {"version": 1, "fields": [field...]}} where a field is {@code {"id",
 * "labels": {"zh", "en"}, "ics": {prefix: weight}, "ccs": {prefix: weight}, "keywords": {keyword:
 * weight}, "children": [field...]}}. A top-level entry may instead name its {@code "parent"}, so a
 * field can be added without re-nesting the file.
 */
public final class Taxonomy {

  static final String RESOURCE = "taxonomy.json";

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*(\\.[a-z0-9][a-z0-9_-]*)*");
  private static final Set<String> FIELD_KEYS =
      Set.of("id", "labels", "ics", "ccs", "keywords", "children", "parent");

  private final String source;
  private final Map<String, TechnologyField> fields; // pre-order: parents before children
  private final Map<String, FieldRules> rules;
  private final List<TechnologyField> roots;

  private Taxonomy(String source, Map<String, TechnologyField> fields, Map<String, FieldRules> rules) {
    this.source = source;
    this.fields = Collections.unmodifiableMap(fields);
    this.rules = Map.copyOf(rules);
    this.roots = fields.values().stream().filter(TechnologyField::isTopLevel).toList();
  }

  /** Reads a taxonomy file; throws {@link InvalidTaxonomyException} naming the file if unusable. */
  public static Taxonomy load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read taxonomy " + file, e);
    }
  }

  /** The taxonomy bundled in the jar (a copy of {@code corpus/taxonomy.json} at build time). */
  public static Taxonomy bundled() {
    try (InputStream in = Taxonomy.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("bundled taxonomy resource missing: " + RESOURCE);
      }
      return parse(in, "classpath:org/stdsearch/classify/" + RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled taxonomy", e);
    }
  }

  /** The file if given and present (an edited copy wins), otherwise the bundled taxonomy. */
  public static Taxonomy loadOrBundled(Path maybeNull) {
    return maybeNull != null && Files.isRegularFile(maybeNull) ? load(maybeNull) : bundled();
  }

  static Taxonomy parse(InputStream in, String source) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(in);
    } catch (JsonProcessingException e) {
      throw new InvalidTaxonomyException(source, "not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()), e);
    }
    if (root == null || !root.path("fields").isArray()) {
      throw new InvalidTaxonomyException(source, "expected an object with a \"fields\" array");
    }
    Builder builder = new Builder(source);
    for (JsonNode field : root.get("fields")) {
      String declaredParent = field.hasNonNull("parent") ? field.get("parent").asText() : null;
      builder.read(field, declaredParent, true);
    }
    return builder.build();
  }

  /** Where this taxonomy was read from. */
  public String source() {
    return source;
  }

  public Optional<TechnologyField> field(String id) {
    return Optional.ofNullable(fields.get(id));
  }

  /** Ids from the top-level field down to {@code id}; empty for an unknown id. */
  public List<String> path(String id) {
    List<String> path = new ArrayList<>();
    for (TechnologyField f = fields.get(id); f != null; f = f.parentId() == null ? null : fields.get(f.parentId())) {
      path.add(0, f.id());
    }
    return List.copyOf(path);
  }

  /** The top-level fields, in file order. */
  public List<TechnologyField> roots() {
    return roots;
  }

  /** The direct children of {@code id}; empty for a leaf or an unknown id. */
  public List<TechnologyField> children(String id) {
    TechnologyField f = fields.get(id);
    return f == null ? List.of() : f.children().stream().map(fields::get).toList();
  }

  /** {@code id} and everything below it, parents before children; empty for an unknown id. */
  public List<TechnologyField> descendantsAndSelf(String id) {
    List<TechnologyField> out = new ArrayList<>();
    TechnologyField f = fields.get(id);
    if (f != null) {
      collect(f, out);
    }
    return List.copyOf(out);
  }

  private void collect(TechnologyField f, List<TechnologyField> out) {
    out.add(f);
    for (String child : f.children()) {
      collect(fields.get(child), out);
    }
  }

  /** Every field, parents before children, top-level fields in file order. */
  public List<TechnologyField> all() {
    List<TechnologyField> out = new ArrayList<>();
    for (TechnologyField root : roots) {
      collect(root, out);
    }
    return List.copyOf(out);
  }

  FieldRules rules(String id) {
    return rules.getOrDefault(id, FieldRules.NONE);
  }

  /** Collects fields while checking them; errors name the file and the field. */
  private static final class Builder {
    private final String source;
    private final Map<String, String> parents = new LinkedHashMap<>();
    private final Map<String, String[]> labels = new LinkedHashMap<>();
    private final Map<String, FieldRules> rules = new LinkedHashMap<>();

    Builder(String source) {
      this.source = source;
    }

    void read(JsonNode node, String parent, boolean topLevel) {
      if (!node.isObject()) {
        throw fail("a field must be a JSON object, found: " + abbreviate(node));
      }
      String id = node.path("id").asText("");
      String where = id.isEmpty() ? "field " + abbreviate(node) : "field \"" + id + "\"";
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!FIELD_KEYS.contains(name) || (!topLevel && name.equals("parent"))) {
          throw fail(where + ": unknown key \"" + name + "\" (allowed: id, labels, ics, ccs, keywords, children"
              + (topLevel ? ", parent" : "") + ")");
        }
      }
      if (!ID.matcher(id).matches()) {
        throw fail(where + ": id must be lowercase letters, digits, '-', '_' in dot-separated parts");
      }
      if (parents.containsKey(id)) {
        throw fail("duplicate id \"" + id + "\"");
      }
      String zh = node.path("labels").path("zh").asText("").strip();
      String en = node.path("labels").path("en").asText("").strip();
      if (zh.isEmpty() || en.isEmpty()) {
        throw fail(where + ": labels.zh and labels.en are both required");
      }
      parents.put(id, parent);
      labels.put(id, new String[] {zh, en});
      rules.put(id, new FieldRules(
          weights(node, "ics", where, false), weights(node, "ccs", where, false),
          weights(node, "keywords", where, true)));
      JsonNode children = node.path("children");
      if (!children.isMissingNode() && !children.isArray()) {
        throw fail(where + ": children must be an array");
      }
      for (JsonNode child : children) {
        read(child, id, false);
      }
    }

    private Map<String, Double> weights(JsonNode node, String key, String where, boolean keywords) {
      JsonNode map = node.path(key);
      if (map.isMissingNode() || map.isNull()) {
        return Map.of();
      }
      if (!map.isObject()) {
        throw fail(where + ": " + key + " must be an object of {\"...\": weight}");
      }
      Map<String, Double> out = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isNumber() || !Double.isFinite(e.getValue().asDouble())) {
          throw fail(where + ": " + key + " \"" + e.getKey() + "\" needs a numeric weight");
        }
        String problem = keywords ? KeywordMatcher.checkKeyword(e.getKey()) : e.getKey().isBlank() ? "empty code" : null;
        if (problem != null) {
          throw fail(where + ": " + key + " \"" + e.getKey() + "\": " + problem);
        }
        out.put(e.getKey().strip(), e.getValue().asDouble());
      }
      return out;
    }

    Taxonomy build() {
      Map<String, List<String>> children = new LinkedHashMap<>();
      for (var e : parents.entrySet()) {
        String parent = e.getValue();
        if (parent != null && !parents.containsKey(parent)) {
          throw fail("field \"" + e.getKey() + "\": parent \"" + parent + "\" does not exist");
        }
        if (parent != null) {
          children.computeIfAbsent(parent, p -> new ArrayList<>()).add(e.getKey());
        }
      }
      for (String id : parents.keySet()) {
        Set<String> seen = new HashSet<>();
        for (String at = id; at != null; at = parents.get(at)) {
          if (!seen.add(at)) {
            throw fail("field \"" + id + "\": its parents form a cycle through \"" + at + "\"");
          }
        }
      }
      // Pre-order, so parents come before children wherever a flat entry was declared.
      Map<String, TechnologyField> fields = new LinkedHashMap<>();
      for (String id : parents.keySet()) {
        if (parents.get(id) == null) {
          add(id, children, fields);
        }
      }
      return new Taxonomy(source, fields, rules);
    }

    private void add(String id, Map<String, List<String>> children, Map<String, TechnologyField> out) {
      List<String> kids = children.getOrDefault(id, List.of());
      String[] l = labels.get(id);
      out.put(id, new TechnologyField(id, l[0], l[1], parents.get(id), kids));
      for (String kid : kids) {
        add(kid, children, out);
      }
    }

    private InvalidTaxonomyException fail(String reason) {
      return new InvalidTaxonomyException(source, reason);
    }

    private static String abbreviate(JsonNode node) {
      String s = node.toString();
      return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
  }
}
