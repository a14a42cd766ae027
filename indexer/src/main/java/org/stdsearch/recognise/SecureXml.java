package org.stdsearch.recognise;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.stdsearch.extract.LenientXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * DOM parsing of untrusted XML: no external DTD, no external entities, entity expansion bounded
 * ({@link LenientXml#limits}). A DOCTYPE is allowed (STS files declare one) but never fetched.
 */
final class SecureXml {
  /** Larger files are not read natively: the Tika text serves instead. */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  private SecureXml() {}

  /**
   * The parsed document, or null when the file is not well-formed XML or too large. A document
   * that leans on its unread DTD (a prefix it never binds, an entity it never declares) is read
   * by {@link LenientXml}, which restores both.
   */
  static Document parse(Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        return null;
      }
    } catch (IOException e) {
      return null;
    }
    Document strict = strict(file);
    if (strict != null && !hasUndeclaredEntity(strict.getDocumentElement())) {
      return strict;
    }
    try (InputStream in = Files.newInputStream(file)) {
      return LenientXml.dom(in);
    } catch (IOException | SAXException | RuntimeException e) {
      return strict;
    }
  }

  /** An entity reference the parser could not expand: its DTD was not read. */
  private static boolean hasUndeclaredEntity(Node node) {
    for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.ENTITY_REFERENCE_NODE && !n.hasChildNodes()
          || n.getNodeType() == Node.ELEMENT_NODE && hasUndeclaredEntity(n)) {
        return true;
      }
    }
    return false;
  }

  private static Document strict(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      for (var limit : LenientXml.limits().entrySet()) {
        factory.setAttribute(limit.getKey(), limit.getValue());
      }
      DocumentBuilder builder = factory.newDocumentBuilder();
      // An entity the DTD would have defined resolves to nothing instead of a fetch.
      builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
      builder.setErrorHandler(null);
      try (InputStream in = Files.newInputStream(file)) {
        return builder.parse(in);
      }
    } catch (IOException | SAXException | ParserConfigurationException | RuntimeException e) {
      return null;
    }
  }

  /** Child elements of {@code parent} with the local name {@code name}. */
  static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }

  static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  /** Text of the first child named {@code name}, whitespace collapsed; null when absent or empty. */
  static String childText(Element parent, String name) {
    Element e = parent == null ? null : child(parent, name);
    return e == null ? null : text(e);
  }

  static String text(Element e) {
    String s = e.getTextContent().replaceAll("\\s+", " ").strip();
    return s.isEmpty() ? null : s;
  }

  /** Descendants named {@code name} in document order. */
  static List<Element> descendants(Element root, String name) {
    List<Element> out = new ArrayList<>();
    var nodes = root.getElementsByTagNameNS("*", name);
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }
}
