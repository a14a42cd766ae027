package org.stdsearch.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.sax.SAXSource;
import org.jsoup.nodes.Entities;
import org.w3c.dom.Document;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Reads XML that relies on an external DTD we never fetch. ISO STS and NISO STS documents name
 * their DTD in the DOCTYPE and use what it declares: the ISO character entities ({@code &mdash;},
 * {@code &Eacute;}) and the namespace prefixes {@code tbx:}, {@code xlink:}, {@code mml:}, bound
 * by attribute defaults. A namespace-aware parser without the DTD rejects the document ("prefix
 * tbx is not bound") or drops the characters. This reader parses without namespace checking and
 * restores both: a prefix the document never binds gets a URI of its own (the local names are
 * what readers use), and an entity the DTD would have declared gets its HTML/MathML value (the
 * ISO sets share their names), else nothing.
 *
 * <p>Safety is unchanged: no external DTD, entity or schema is ever read, and the entities the
 * document declares itself (an internal subset, as in the ISO STS table samples) expand within
 * {@link #MAX_ENTITY_EXPANSIONS} and {@link #MAX_ENTITY_CHARS}, so a billion-laughs document
 * fails fast instead of filling the heap.
 */
public final class LenientXml {
  /** Entity references expanded per document: real documents use tens to hundreds. */
  public static final int MAX_ENTITY_EXPANSIONS = 10_000;
  /** Characters produced by entity expansion per document. */
  public static final int MAX_ENTITY_CHARS = 10_000_000;
  /** Namespace of a prefix the document uses without binding it; the prefix follows. */
  public static final String UNBOUND_PREFIX_NAMESPACE = "urn:stdsearch:unbound-prefix:";

  private LenientXml() {}

  /** Sends the events of the XML in {@code in} to {@code handler}, namespaces and entities restored. */
  public static void parse(InputStream in, ContentHandler handler) throws IOException, SAXException {
    XMLReader reader = filter(rawReader());
    reader.setContentHandler(handler);
    reader.parse(new InputSource(in));
  }

  /** A DOM of the XML in {@code in}, namespace-aware, entities restored. */
  public static Document dom(InputStream in) throws IOException, SAXException {
    try {
      TransformerFactory factory = TransformerFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      DOMResult result = new DOMResult();
      factory.newTransformer().transform(new SAXSource(filter(rawReader()), new InputSource(in)), result);
      return (Document) result.getNode();
    } catch (TransformerException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e.getException();
      if (cause instanceof SAXException sax) {
        throw sax;
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new SAXException("XML could not be read: " + e.getMessage(), e);
    }
  }

  /** The JDK's own limit properties, as a parser property or a system property takes them. */
  public static Map<String, String> limits() {
    return Map.of(
        "jdk.xml.entityExpansionLimit", Integer.toString(MAX_ENTITY_EXPANSIONS),
        "jdk.xml.totalEntitySizeLimit", Integer.toString(MAX_ENTITY_CHARS),
        "jdk.xml.maxGeneralEntitySizeLimit", Integer.toString(MAX_ENTITY_CHARS));
  }

  private static XMLReader rawReader() throws SAXException {
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(false);
      factory.setValidating(false);
      factory.setXIncludeAware(false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      SAXParser parser = factory.newSAXParser();
      parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      for (var limit : limits().entrySet()) {
        parser.setProperty(limit.getKey(), limit.getValue());
      }
      XMLReader reader = parser.getXMLReader();
      reader.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
      reader.setErrorHandler(new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) {} // validity only: an entity the unread DTD declares

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      });
      return reader;
    } catch (ParserConfigurationException e) {
      throw new SAXException("no XML parser: " + e.getMessage(), e);
    }
  }

  private static XMLReader filter(XMLReader raw) {
    NamespaceRestorer filter = new NamespaceRestorer();
    filter.setParent(raw);
    return filter;
  }

  /**
   * Turns the events of a namespace-unaware parse into namespace-aware ones (URI, local name,
   * prefix mappings), binding undeclared prefixes, and writes skipped entities as characters.
   */
  private static final class NamespaceRestorer extends XMLFilterImpl {
    private final Deque<Map<String, String>> scopes = new ArrayDeque<>();

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
      Map<String, String> declared = new HashMap<>();
      for (int i = 0; i < atts.getLength(); i++) {
        String name = atts.getQName(i);
        if (name.equals("xmlns")) {
          declared.put("", atts.getValue(i));
        } else if (name.startsWith("xmlns:")) {
          declared.put(name.substring(6), atts.getValue(i));
        }
      }
      scopes.push(declared);
      bindIfUnbound(prefix(qName), declared);
      AttributesImpl attributes = new AttributesImpl();
      for (int i = 0; i < atts.getLength(); i++) {
        String name = atts.getQName(i);
        if (name.equals("xmlns") || name.startsWith("xmlns:")) {
          continue;
        }
        String prefix = prefix(name);
        if (!prefix.isEmpty() && !prefix.equals("xml")) {
          bindIfUnbound(prefix, declared);
        }
        String attrUri = prefix.isEmpty() ? "" : prefix.equals("xml") ? XMLConstants.XML_NS_URI : lookup(prefix);
        attributes.addAttribute(attrUri, local(name), name, atts.getType(i), atts.getValue(i));
      }
      for (var d : declared.entrySet()) {
        super.startPrefixMapping(d.getKey(), d.getValue());
      }
      String prefix = prefix(qName);
      super.startElement(prefix.isEmpty() ? lookupDefault() : lookup(prefix), local(qName), qName, attributes);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      String prefix = prefix(qName);
      super.endElement(prefix.isEmpty() ? lookupDefault() : lookup(prefix), local(qName), qName);
      Map<String, String> declared = scopes.pop();
      for (String p : declared.keySet()) {
        super.endPrefixMapping(p);
      }
    }

    @Override
    public void skippedEntity(String name) throws SAXException {
      if (name.startsWith("%")) {
        return; // a parameter entity of the DTD: declarations, not text
      }
      String value = Entities.getByName(name);
      if (!value.isEmpty()) {
        super.characters(value.toCharArray(), 0, value.length());
      }
    }

    private void bindIfUnbound(String prefix, Map<String, String> declared) {
      if (!prefix.isEmpty() && !prefix.equals("xml") && lookup(prefix) == null) {
        declared.put(prefix, UNBOUND_PREFIX_NAMESPACE + prefix);
      }
    }

    private String lookup(String prefix) {
      for (Map<String, String> scope : scopes) {
        String uri = scope.get(prefix);
        if (uri != null) {
          return uri;
        }
      }
      return null;
    }

    private String lookupDefault() {
      String uri = lookup("");
      return uri == null ? "" : uri;
    }

    private static String prefix(String qName) {
      int colon = qName.indexOf(':');
      return colon < 0 ? "" : qName.substring(0, colon);
    }

    private static String local(String qName) {
      return qName.substring(qName.indexOf(':') + 1);
    }
  }
}
