package org.stdsearch.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Assigns technology fields to a standard from its ICS/CCS codes and weighted keywords in its
 * titles, defined terms and the start of its text. Multi-label; returns the most specific fields
 * only (a parent is implied by its child), or nothing when the evidence is too weak to trust.
 *
 * <p>Scoring: a keyword counts {@value #TITLE_FACTOR}x its weight when in a title, {@value
 * #TERMS_FACTOR}x when in a defined term, and {@value #BODY_FACTOR}x per occurrence in the text
 * with diminishing returns; a code adds its weight once. A field's score includes its best
 * child's, so evidence for 密码 also supports 网络安全与密码.
 */
public final class FieldClassifier {

  /** Characters of {@link ClassificationInput#text()} read: scope and introduction say enough. */
  public static final int TEXT_LIMIT = 20_000;

  // Titles name the subject; bodies mention everything in passing (every RFC has a "Security
  // Considerations" section), so one title hit outweighs several body hits.
  static final double TITLE_FACTOR = 3;
  static final double TERMS_FACTOR = 1.5;
  static final double BODY_FACTOR = 0.5;
  /** Body hits of one keyword stop adding after 8 (1 + log2 8 = 4 units). */
  private static final double BODY_SATURATION = 4;
  /** So a long text cannot win a field on its own against a clear title. */
  private static final double BODY_CAP = 12;
  /** Below this a field is not assigned: one weight-1.5 title keyword alone is not enough. */
  static final double THRESHOLD = 4.5;
  /** A further field must score at least this share of the best one, to keep passing mentions out. */
  static final double RELATIVE = 0.4;
  /**
   * A child replaces its parent only with at least this share of the parent's score: an incident
   * response guide that mentions encryption is about security, not about cryptography.
   */
  static final double CHILD_SHARE = 1.0 / 3;
  /** Score at which confidence reaches 1 - 1/e. */
  private static final double SCALE = 8;
  private static final int MAX_FIELDS = 4;
  private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|ftp)://\\S+");

  private final List<String> ids; // pre-order
  private final int[] parent;
  private final int[][] children;
  private final KeywordMatcher matcher = new KeywordMatcher();
  private int[][] keywordFields = new int[0][];
  private double[][] keywordWeights = new double[0][];
  private final List<CodeRule> icsRules = new ArrayList<>();
  private final List<CodeRule> ccsRules = new ArrayList<>();

  private record CodeRule(String prefix, int field, double weight) {}

  public FieldClassifier(Taxonomy taxonomy) {
    Objects.requireNonNull(taxonomy, "taxonomy");
    List<TechnologyField> all = taxonomy.all();
    ids = all.stream().map(TechnologyField::id).toList();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      index.put(ids.get(i), i);
    }
    parent = new int[ids.size()];
    children = new int[ids.size()][];
    for (int i = 0; i < all.size(); i++) {
      TechnologyField f = all.get(i);
      parent[i] = f.parentId() == null ? -1 : index.get(f.parentId());
      children[i] = f.children().stream().mapToInt(index::get).toArray();
      FieldRules rules = taxonomy.rules(f.id());
      final int field = i;
      rules.ics().forEach((code, w) -> icsRules.add(new CodeRule(code.toUpperCase(Locale.ROOT), field, w)));
      rules.ccs().forEach((code, w) -> ccsRules.add(new CodeRule(code.toUpperCase(Locale.ROOT), field, w)));
      rules.keywords().forEach((keyword, w) -> addKeyword(matcher.add(keyword), field, w));
    }
  }

  private void addKeyword(int keyword, int field, double weight) {
    if (keyword >= keywordFields.length) {
      keywordFields = Arrays.copyOf(keywordFields, keyword + 1);
      keywordWeights = Arrays.copyOf(keywordWeights, keyword + 1);
      keywordFields[keyword] = new int[0];
      keywordWeights[keyword] = new double[0];
    }
    int[] fields = keywordFields[keyword];
    for (int j = 0; j < fields.length; j++) {
      if (fields[j] == field) { // same keyword twice in one field (e.g. "PLC" and "plc"): keep the larger
        keywordWeights[keyword][j] = Math.max(keywordWeights[keyword][j], weight);
        return;
      }
    }
    keywordFields[keyword] = Arrays.copyOf(fields, fields.length + 1);
    keywordFields[keyword][fields.length] = field;
    keywordWeights[keyword] = Arrays.copyOf(keywordWeights[keyword], fields.length + 1);
    keywordWeights[keyword][fields.length] = weight;
  }

  /** The most specific fields of {@code in}, by confidence descending; empty when nothing fits. */
  public List<FieldAssignment> classify(ClassificationInput in) {
    Objects.requireNonNull(in, "in");
    double[] own = ownScores(in);
    double[] subtree = new double[ids.size()];
    for (int i = ids.size() - 1; i >= 0; i--) { // reverse pre-order: children before parents
      double best = 0;
      for (int c : children[i]) {
        best = Math.max(best, subtree[c]);
      }
      subtree[i] = own[i] + best;
    }
    List<Integer> picked = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      if (subtree[i] >= THRESHOLD && Arrays.stream(children[i]).noneMatch(c -> replaces(c, subtree))) {
        picked.add(i);
      }
    }
    double top = picked.stream().mapToDouble(i -> subtree[i]).max().orElse(0);
    return picked.stream()
        .filter(i -> subtree[i] >= RELATIVE * top)
        .sorted(Comparator.comparingDouble((Integer i) -> -subtree[i]).thenComparing(ids::get))
        .limit(MAX_FIELDS)
        .map(i -> new FieldAssignment(ids.get(i), 1 - Math.exp(-subtree[i] / SCALE)))
        .toList();
  }

  private boolean replaces(int child, double[] subtree) {
    return subtree[child] >= THRESHOLD && subtree[child] >= CHILD_SHARE * subtree[parent[child]];
  }

  /** Each field's score from its own rules, before adding its children's. */
  double[] ownScores(ClassificationInput in) {
    return ownScores(in, null);
  }

  /** As {@link #ownScores(ClassificationInput)}; when {@code explain} is given, lists each keyword's part. */
  double[] ownScores(ClassificationInput in, StringBuilder explain) {
    int n = matcher.size();
    int[] title = new int[n];
    int[] terms = new int[n];
    int[] body = new int[n];
    matcher.count(KeywordMatcher.normalise(in.titleZh() + "\n" + in.titleEn()), title);
    matcher.count(KeywordMatcher.normalise(String.join("\n", in.terms())), terms);
    String text = in.text().length() > TEXT_LIMIT ? in.text().substring(0, TEXT_LIMIT) : in.text();
    // Links are not subject matter: every ISO document carries https://www.iso.org in its notice.
    matcher.count(KeywordMatcher.normalise(URL.matcher(text).replaceAll(" ")), body);

    double[] own = new double[ids.size()];
    double[] bodyScore = new double[ids.size()];
    for (int k = 0; k < n; k++) {
      if (title[k] == 0 && terms[k] == 0 && body[k] == 0) {
        continue;
      }
      double once = (title[k] > 0 ? TITLE_FACTOR : 0) + (terms[k] > 0 ? TERMS_FACTOR : 0);
      double repeated = body[k] == 0 ? 0 : BODY_FACTOR * Math.min(BODY_SATURATION, 1 + log2(body[k]));
      for (int j = 0; j < keywordFields[k].length; j++) {
        if (explain != null) {
          explain.append(String.format(Locale.ROOT, "  %s %s title=%d terms=%d body=%d -> %.1f%n",
              ids.get(keywordFields[k][j]), matcher.keyword(k), title[k], terms[k], body[k],
              keywordWeights[k][j] * (once + repeated)));
        }
        own[keywordFields[k][j]] += keywordWeights[k][j] * once;
        bodyScore[keywordFields[k][j]] += keywordWeights[k][j] * repeated;
      }
    }
    double[] ics = codeScores(in.ics(), icsRules, true);
    double[] ccs = codeScores(in.ccs(), ccsRules, false);
    for (int i = 0; i < own.length; i++) {
      own[i] = Math.max(0, own[i] + Math.min(BODY_CAP, bodyScore[i]) + ics[i] + ccs[i]);
    }
    return own;
  }

  /**
   * Per field, the best weight among the rules matching any of the codes. Only the most specific
   * matching prefix counts, so {@code 35.040.10} (character sets) can map elsewhere than {@code
   * 35.040} (security techniques, in Chinese standards).
   */
  private double[] codeScores(List<String> codes, List<CodeRule> rules, boolean dotted) {
    double[] out = new double[ids.size()];
    for (String raw : codes) {
      String code = raw.strip().toUpperCase(Locale.ROOT);
      int longest = -1;
      for (CodeRule r : rules) {
        if (matches(code, r.prefix, dotted)) {
          longest = Math.max(longest, r.prefix.length());
        }
      }
      for (CodeRule r : rules) {
        if (r.prefix.length() == longest && matches(code, r.prefix, dotted)) {
          out[r.field] = Math.max(out[r.field], r.weight);
        }
      }
    }
    return out;
  }

  // ICS prefixes end at a dot (35.04 must not match 35.040); CCS codes are letter + two digits.
  private static boolean matches(String code, String prefix, boolean dotted) {
    return code.startsWith(prefix)
        && (!dotted || code.length() == prefix.length() || code.charAt(prefix.length()) == '.');
  }

  private static double log2(int x) {
    return Math.log(x) / Math.log(2);
  }
}
