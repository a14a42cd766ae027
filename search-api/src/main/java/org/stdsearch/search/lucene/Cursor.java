package org.stdsearch.search.lucene;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;
import org.stdsearch.search.BadParameterException;
import org.stdsearch.search.SearchRequest;

/**
 * The opaque deep-paging cursor: the last hit of a page (its doc id, score and sort value) and the
 * sort it belongs to, as URL-safe base64. Doc ids are per reader; after a refresh the cursor still
 * continues from the same sort value, so at worst a tie at the boundary is repeated or skipped.
 */
final class Cursor {
  private Cursor() {}

  static String encode(SearchRequest.Sort sort, ScoreDoc last) {
    String value = "";
    if (last instanceof FieldDoc fd && fd.fields.length > 0 && fd.fields[0] != null) {
      Object v = fd.fields[0];
      value = v instanceof BytesRef b ? "b" + Base64.getUrlEncoder().withoutPadding().encodeToString(
          java.util.Arrays.copyOfRange(b.bytes, b.offset, b.offset + b.length)) : "l" + v;
    }
    String raw = sort.name() + "|" + last.doc + "|" + Float.floatToIntBits(last.score) + "|" + value;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** The search-after position, or a {@link BadParameterException} naming {@code cursor}. */
  static ScoreDoc decode(String cursor, SearchRequest.Sort sort) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = raw.split("\\|", 4);
      if (parts.length != 4 || !parts[0].equals(sort.name())) {
        throw new BadParameterException("cursor", "does not belong to this search (sort " + sort + ")");
      }
      int doc = Integer.parseInt(parts[1]);
      float score = Float.intBitsToFloat(Integer.parseInt(parts[2]));
      if (sort == SearchRequest.Sort.RELEVANCE) {
        return new ScoreDoc(doc, score);
      }
      String v = parts[3];
      Object value = v.isEmpty() ? null
          : v.charAt(0) == 'b' ? new BytesRef(Base64.getUrlDecoder().decode(v.substring(1)))
          : (Object) Long.parseLong(v.substring(1));
      return new FieldDoc(doc, score, new Object[] {value});
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new BadParameterException("cursor", "not a cursor from a previous response");
    }
  }
}
