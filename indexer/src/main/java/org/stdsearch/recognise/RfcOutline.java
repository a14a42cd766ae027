package org.stdsearch.recognise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The sections of an RFCXML document ({@code <middle>} and {@code <back>}), numbered as the RFC
 * prints them. RFCXML sources carry no section numbers in their text: published v3 files state
 * them in {@code pn} attributes ({@code section-2.1}, {@code section-appendix.a}); older sources
 * (v2, editors' copies) are numbered by position, references after the last numbered section of
 * the middle, appendices lettered. Unnumbered sections (acknowledgements, authors' addresses)
 * have no number but still end the clause before them.
 */
final class RfcOutline {
  /** One section: its number (null when unnumbered), its name and its depth (1 = top level). */
  record Section(String number, String heading, int depth) {}

  private RfcOutline() {}

  static List<Section> read(Element rfc) {
    List<Section> out = new ArrayList<>();
    Element middle = SecureXml.child(rfc, "middle");
    int top = 0;
    if (middle != null) {
      top = walk(middle, "", 1, 0, false, out);
    }
    Element back = SecureXml.child(rfc, "back");
    if (back != null) {
      walk(back, "", 1, top, true, out);
    }
    return List.copyOf(out);
  }

  /**
   * Adds the sections below {@code parent}; returns the last number used at this level.
   *
   * @param prefix number of the parent plus a dot ("2."), empty at the top
   * @param last the last number used at this level before these sections
   * @param back at the top of {@code <back>}: sections are appendices (A, B, ...), references go on
   *     with the numbers of the middle
   */
  private static int walk(Element parent, String prefix, int depth, int last, boolean back, List<Section> out) {
    int number = last;
    int appendix = 0;
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element e) || !(isSection(e))) {
        continue;
      }
      String heading = heading(e);
      boolean numbered = !"false".equals(e.getAttribute("numbered"));
      String given = numberFromPn(e.getAttribute("pn"));
      String own = null;
      if (numbered) {
        if (back && e.getLocalName().equals("section")) {
          own = String.valueOf((char) ('A' + appendix++));
        } else {
          own = prefix + ++number;
        }
      }
      if (given != null) {
        own = numbered ? given : null;
      }
      if (heading != null) {
        out.add(new Section(own, heading, depth));
      }
      if (own != null) {
        walk(e, own + ".", depth + 1, 0, false, out);
      }
    }
    return number;
  }

  private static boolean isSection(Element e) {
    String name = e.getLocalName();
    return name.equals("section") || name.equals("references");
  }

  /** {@code <name>} (v3) or the {@code title} attribute (v2), spacing collapsed. */
  private static String heading(Element e) {
    Element name = SecureXml.child(e, "name");
    String text = name != null ? SecureXml.text(name) : e.getAttribute("title");
    text = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    return text.isEmpty() ? null : text;
  }

  /** {@code section-2.1} is 2.1, {@code section-appendix.b.3} is B.3; boilerplate and contents have none. */
  private static String numberFromPn(String pn) {
    if (pn == null || !pn.startsWith("section-")) {
      return null;
    }
    String rest = pn.substring("section-".length());
    if (rest.matches("\\d+(?:\\.\\d+)*")) {
      return rest;
    }
    if (rest.matches("appendix\\.[a-z](?:\\.\\d+)*")) {
      String tail = rest.substring("appendix.".length());
      return tail.substring(0, 1).toUpperCase(Locale.ROOT) + tail.substring(1);
    }
    return null;
  }
}
