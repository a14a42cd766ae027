package org.stdsearch.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * {@code GET /opensearch.xml}: the OpenSearch description that lets a browser add stdsearch as a
 * search engine, with the page's search URL and {@link OpenSearchSuggestHandler}'s suggestions.
 * The format wants absolute URLs, so they are built from the request's scheme and Host (checked
 * against a strict pattern: the header is client-controlled and lands in XML).
 */
final class OpenSearchDescriptionHandler implements HttpHandler {
  static final String TYPE = "application/opensearchdescription+xml; charset=UTF-8";
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?");

  @Override
  public void handleRequest(HttpServerExchange ex) {
    String base = baseUrl(ex);
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" xmlns:moz="http://www.mozilla.org/2006/browser/search/">
          <ShortName>stdsearch</ShortName>
          <Description>技术标准全文检索 · Full-text search for technical standards</Description>
          <InputEncoding>UTF-8</InputEncoding>
          <OutputEncoding>UTF-8</OutputEncoding>
          <Language>zh-CN</Language>
          <Language>en</Language>
          <Url type="text/html" method="get" template="%1$s/?q={searchTerms}"/>
          <Url type="application/x-suggestions+json" method="get" template="%1$s%2$s/suggest/opensearch?q={searchTerms}"/>
          <Url type="application/json" method="get" template="%1$s%2$s/search?q={searchTerms}&amp;page={startPage?}"/>
          <Url type="application/opensearchdescription+xml" rel="self" template="%1$s/opensearch.xml"/>
          <moz:SearchForm>%1$s/</moz:SearchForm>
        </OpenSearchDescription>
        """.formatted(base, Routes.API);
    byte[] body = xml.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().put(Headers.CONTENT_TYPE, TYPE);
    ex.getResponseHeaders().put(Headers.CACHE_CONTROL, "public, max-age=3600");
    ex.getResponseHeaders().add(Headers.VARY, "Host");
    ex.getResponseHeaders().put(Headers.CONTENT_LENGTH, body.length);
    ex.getResponseSender().send(ByteBuffer.wrap(body));
  }

  /** scheme://host[:port] of this request; the bound address when the Host header is unusable. */
  static String baseUrl(HttpServerExchange ex) {
    String host = ex.getRequestHeaders().getFirst(Headers.HOST);
    if (host == null || !HOST.matcher(host).matches()) {
      host = ex.getHostAndPort();
      if (!HOST.matcher(host).matches()) {
        host = "localhost";
      }
    }
    String scheme = "https".equalsIgnoreCase(ex.getRequestScheme()) ? "https" : "http";
    return scheme + "://" + host;
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
