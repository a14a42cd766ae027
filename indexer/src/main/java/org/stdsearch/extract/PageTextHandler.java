package org.stdsearch.extract;

import java.util.ArrayList;
import java.util.List;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects the plain text of Tika's XHTML stream and the offset where each page starts.
 *
 * <p>Tika's PDF parser opens one {@code <div class="page">} per page; other formats have no such
 * divs and are one page. Tika's XHTML handler emits the line breaks after block elements as
 * ignorable whitespace, so text is characters plus ignorable whitespace, as in Tika's own
 * ToTextContentHandler. When {@code maxChars} is reached the handler stops the parse by throwing
 * {@link CapReachedException}; the caller marks the document truncated.
 */
final class PageTextHandler extends DefaultHandler {

  /** Thrown to stop the parse once the character cap is reached. */
  static final class CapReachedException extends SAXException {
    CapReachedException(int maxChars) {
      super("extracted text reached the cap of " + maxChars + " characters");
    }
  }

  private static final java.util.Set<String> LINE_ENDING =
      java.util.Set.of("div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "dt", "dd", "title");

  private final StringBuilder text = new StringBuilder();
  private final List<Integer> pageStarts = new ArrayList<>();
  private final List<Integer> formFeedPages = new ArrayList<>();
  private boolean formFeedsRestored;
  private final int maxChars;
  private boolean capReached;
  /** Depth of divs inside the current page div; 0 outside pages. */
  private int pageDivDepth;
  /** Visible characters inside page divs: bookmarks and attachment names come after the pages. */
  private long visibleOnPages;

  PageTextHandler(int maxChars) {
    this.maxChars = maxChars;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts) {
    if ("div".equals(localName) && "page".equals(atts.getValue("class"))) {
      pageStarts.add(text.length());
      pageDivDepth = 1;
    } else if ("div".equals(localName) && pageDivDepth > 0) {
      pageDivDepth++;
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) throws SAXException {
    if ("div".equals(localName) && pageDivDepth > 0) {
      pageDivDepth--;
    }
    // Pages, paragraphs, headings, list items and table rows end a line even where a parser emits
    // no whitespace after them (Tika's ODF parser runs a heading into the next paragraph, which
    // hides the clause heading from recognition).
    if (LINE_ENDING.contains(localName)
        && !text.isEmpty()
        && text.charAt(text.length() - 1) != '\n') {
      append(new char[] {'\n'}, 0, 1);
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) throws SAXException {
    if (pageDivDepth > 0) {
      for (int i = start; i < start + length; i++) {
        if (!Character.isWhitespace(ch[i]) && !Character.isSpaceChar(ch[i])) {
          visibleOnPages++;
        }
      }
    }
    append(ch, start, length);
  }

  @Override
  public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
    append(ch, start, length);
  }

  private void append(char[] ch, int start, int length) throws SAXException {
    if (capReached) {
      throw new CapReachedException(maxChars);
    }
    int room = maxChars - text.length();
    if (length > room) {
      text.append(ch, start, room);
      capReached = true;
      throw new CapReachedException(maxChars);
    }
    text.append(ch, start, length);
  }

  /**
   * Form feeds in a document without page divs: Tika's XHTML output replaces them with U+FFFD (a
   * control character is not allowed in XML), and plain text prints them alone on their line
   * (every page break of an RFC). Such characters are written back as form feeds, which keeps the
   * text's length, and each starts a page.
   */
  private void restoreFormFeeds() {
    if (formFeedsRestored || sawPages()) {
      return;
    }
    formFeedsRestored = true;
    formFeedPages.add(0);
    for (int i = text.indexOf("\uFFFD"); i >= 0; i = text.indexOf("\uFFFD", i + 1)) {
      boolean lineStart = i == 0 || text.charAt(i - 1) == '\n';
      boolean lineEnd = i + 1 == text.length() || text.charAt(i + 1) == '\n' || text.charAt(i + 1) == '\r';
      if (lineStart && lineEnd) {
        text.setCharAt(i, '\f');
        int next = text.indexOf("\n", i);
        int start = next < 0 ? text.length() : next + 1;
        if (start < text.length() && start > formFeedPages.get(formFeedPages.size() - 1)) {
          formFeedPages.add(start);
        }
      }
    }
  }

  /** Whether the parser marked pages (PDF). */
  boolean sawPages() {
    return !pageStarts.isEmpty();
  }

  /** Visible characters inside page divs (whitespace not counted). */
  long visibleOnPages() {
    return visibleOnPages;
  }

  boolean capReached() {
    return capReached;
  }

  String text() {
    restoreFormFeeds();
    return text.toString();
  }

  /**
   * Page start offsets: where page divs open (PDF), else after each form feed (plain text such as
   * an RFC); a document with neither is one page starting at 0.
   */
  List<Integer> pageStarts() {
    restoreFormFeeds();
    if (pageStarts.isEmpty() && formFeedPages.size() > 1) {
      return List.copyOf(formFeedPages);
    }
    if (pageStarts.isEmpty()) {
      return List.of(0);
    }
    List<Integer> starts = new ArrayList<>(pageStarts);
    starts.set(0, 0); // text before the first page div (e.g. a title) belongs to page 1
    return starts;
  }
}
