package org.stdsearch.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AbstractParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.XHTMLContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * A plain-text parser that misbehaves on command: a file starting with {@code SLEEP} hangs
 * forever, one starting with {@code ALLOCATE} allocates until the heap is gone; anything else is
 * parsed as text. Loaded by worker JVMs through {@code hostile-tika-config.xml}.
 */
public class HostileParser extends AbstractParser {
  @Override
  public Set<MediaType> getSupportedTypes(ParseContext context) {
    return Set.of(MediaType.TEXT_PLAIN);
  }

  @Override
  public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
      throws IOException, SAXException {
    String text = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    if (text.startsWith("SLEEP")) {
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (text.startsWith("ALLOCATE")) {
      List<long[]> hoard = new ArrayList<>();
      while (true) {
        hoard.add(new long[1 << 20]);
      }
    }
    XHTMLContentHandler xhtml = new XHTMLContentHandler(handler, metadata);
    xhtml.startDocument();
    xhtml.element("p", text);
    xhtml.endDocument();
  }
}
