package org.stdsearch.recognise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads ISO STS / NISO STS XML natively: the metadata block ({@code std-meta}, {@code iso-meta},
 * {@code reg-meta} or {@code nat-meta}) and the TBX term entries. What the XML states is taken as
 * is, with no text heuristics. The first metadata block in document order is the document's own
 * (a national adoption wraps the regional and international blocks after its own).
 */
final class StsReader {
  private static final Set<String> META = Set.of("std-meta", "iso-meta", "reg-meta", "nat-meta");
  private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

  private StsReader() {}

  /** True when {@code xml} is an STS document (root {@code standard} or {@code adoption} with a front). */
  static boolean isSts(Document xml) {
    Element root = xml.getDocumentElement();
    String name = root.getLocalName();
    return ("standard".equals(name) || "adoption".equals(name)) && firstMeta(root) != null;
  }

  static void read(Document xml, RecognitionDraft draft) {
    Element root = xml.getDocumentElement();
    Element meta = firstMeta(root);
    if (meta == null) {
      return;
    }
    draft.offerIdentifier(identifier(meta), RecognitionDraft.IdentifierSource.XML);
    for (Element wrap : SecureXml.children(meta, "title-wrap")) {
      String lang = wrap.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
      String title = title(wrap);
      if (lang.startsWith("zh")) {
        draft.offerTitleZh(title);
      } else if (lang.isEmpty() || lang.startsWith("en")) {
        draft.offerTitleEn(title);
      }
    }
    LocalDate published = date(SecureXml.childText(meta, "pub-date"));
    LocalDate released = date(SecureXml.childText(meta, "release-date"));
    draft.offerPublished(published != null ? published : released);
    draft.offerYear(year(SecureXml.childText(meta, "pub-date")));
    draft.offerYear(year(SecureXml.childText(meta, "release-date")));
    for (Element ics : SecureXml.children(meta, "ics")) {
      String code = SecureXml.text(ics);
      if (code != null) {
        draft.ics.add(code);
      }
    }
    String originator = SecureXml.childText(SecureXml.child(meta, "std-ident"), "originator");
    if (usable(originator)) {
      draft.issuers.add(originator);
    }
    String committee = SecureXml.childText(meta, "comm-ref");
    if (usable(committee)) {
      draft.issuers.add(committee);
    }
    for (Element date : SecureXml.children(meta, "meta-date")) {
      if (date.getAttribute("type").equals("implementation")) {
        draft.offerImplemented(date(SecureXml.text(date)));
      }
    }
    // NISO STS has no CCS element: national adoptions put it in custom-meta.
    for (Element custom : SecureXml.descendants(meta, "custom-meta")) {
      String value = SecureXml.childText(custom, "meta-value");
      if ("ccs".equalsIgnoreCase(SecureXml.childText(custom, "meta-name")) && value != null) {
        for (String code : value.split("[;,，；]")) {
          if (!code.isBlank()) {
            draft.ccs.add(code.replaceAll("\\s+", ""));
          }
        }
      }
    }
    for (Element xref : SecureXml.children(meta, "std-xref")) {
      String type = xref.getAttribute("type");
      String relation = xref.getAttribute("specific-use");
      if (type.equals("adopts") && relation.matches("IDT|MOD|NEQ")) {
        String ref = SecureXml.childText(xref, "std-ref");
        if (ref != null) {
          draft.offerAdoption(new RecognisedStandard.Adoption(relation, ref.strip()));
        }
      }
      if (type.equals("replaces") || type.equals("supersedes")) {
        String ref = SecureXml.childText(xref, "std-ref");
        if (ref != null) {
          draft.replaces.add(ref);
        }
      }
    }
    draft.offerLanguage(SecureXml.childText(meta, "content-language"));
    draft.terms = terms(root);
  }

  /** The first metadata block in document order (an adoption's own block precedes the ones it wraps). */
  private static Element firstMeta(Element root) {
    for (var n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        if (META.contains(e.getLocalName())) {
          return e;
        }
        if (!"body".equals(e.getLocalName()) && !"back".equals(e.getLocalName())) {
          Element found = firstMeta(e);
          if (found != null) {
            return found;
          }
        }
      }
    }
    return null;
  }

  /** The dated reference, else the undated one, else the parts of {@code std-ident}. */
  private static String identifier(Element meta) {
    String undated = null;
    for (Element ref : SecureXml.children(meta, "std-ref")) {
      String text = SecureXml.text(ref);
      if (!usable(text) || IdentifierParser.parse(text).isEmpty()) {
        continue; // e.g. "TBX examples": a label, not an identifier
      }
      if (ref.getAttribute("type").equals("dated")) {
        return text;
      }
      undated = undated == null ? text : undated;
    }
    if (undated != null) {
      return undated;
    }
    Element ident = SecureXml.child(meta, "std-ident");
    if (ident == null) {
      return null;
    }
    String originator = SecureXml.childText(ident, "originator");
    String number = SecureXml.childText(ident, "doc-number");
    if (!usable(originator) || !usable(number)) {
      return null;
    }
    String part = SecureXml.childText(ident, "part-number");
    return originator + " " + number + (usable(part) ? "-" + part : "");
  }

  /** {@code full} when given, else intro — main — compl as ISO prints them. */
  private static String title(Element wrap) {
    String full = SecureXml.childText(wrap, "full");
    if (full != null) {
      return full;
    }
    List<String> parts = new ArrayList<>();
    for (String name : List.of("intro", "main", "compl")) {
      String part = SecureXml.childText(wrap, name);
      if (part != null) {
        parts.add(part);
      }
    }
    return parts.isEmpty() ? null : String.join(" — ", parts);
  }

  private static List<RecognisedStandard.TermEntry> terms(Element root) {
    List<RecognisedStandard.TermEntry> out = new ArrayList<>();
    for (Element sec : SecureXml.descendants(root, "term-sec")) {
      String label = SecureXml.childText(sec, "label");
      for (Element entry : SecureXml.children(sec, "termEntry")) {
        String zh = null;
        String en = null;
        String definition = null;
        for (Element langSet : SecureXml.children(entry, "langSet")) {
          String lang = langSet.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
          String term = SecureXml.descendants(langSet, "term").stream()
              .map(SecureXml::text).filter(t -> t != null).findFirst().orElse(null);
          String def = SecureXml.childText(langSet, "definition");
          if (lang.startsWith("zh")) {
            zh = zh == null ? term : zh;
          } else if (lang.isEmpty() || lang.startsWith("en")) {
            en = en == null ? term : en;
            definition = definition == null ? def : definition;
          }
          definition = definition == null ? def : definition;
        }
        if (zh != null || en != null) {
          out.add(new RecognisedStandard.TermEntry(zh, en, definition, label));
        }
      }
    }
    return out;
  }

  private static boolean usable(String value) {
    return value != null && !value.isBlank() && !value.equalsIgnoreCase("N/A");
  }

  static LocalDate date(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = DATE.matcher(text.strip());
    if (!m.matches() || m.group(3) == null) {
      return null;
    }
    try {
      return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  static Integer year(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = DATE.matcher(text.strip());
    return m.matches() ? Integer.valueOf(m.group(1)) : null;
  }
}
