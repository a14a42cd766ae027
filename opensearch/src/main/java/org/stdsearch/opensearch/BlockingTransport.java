package org.stdsearch.opensearch;

import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.net.URIBuilder;
import org.opensearch.client.json.JsonpDeserializer;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.json.NdJsonpSerializable;
import org.opensearch.client.transport.Endpoint;
import org.opensearch.client.transport.GenericEndpoint;
import org.opensearch.client.transport.GenericSerializable;
import org.opensearch.client.transport.JsonEndpoint;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.TransportException;
import org.opensearch.client.transport.TransportOptions;
import org.opensearch.client.transport.endpoints.BooleanEndpoint;
import org.opensearch.client.transport.endpoints.BooleanResponse;
import org.opensearch.client.util.MissingRequiredPropertyException;

/**
 * opensearch-java's transport over HttpClient 5's classic (blocking) client: the calling thread
 * writes the request and reads the answer itself, with no hand-off to an I/O reactor thread and
 * back (a selector wake-up per request, which cost the search service a quarter of its CPU). The
 * request is serialised with the client's {@link JsonpMapper} and the answer decoded with the
 * endpoint's deserializers, as opensearch-java's own {@code ApacheHttpClient5Transport} does.
 *
 * <p>Requests go to the nodes in turn; a node that does not answer (refused, reset, timed out) or
 * answers 502/503/504 is skipped for a while (growing from {@link #MIN_DEAD_MILLIS} to {@link
 * #MAX_DEAD_MILLIS} while it keeps failing) and the request goes to the next one. With every node
 * skipped, the one that comes back soonest is tried.
 */
final class BlockingTransport implements OpenSearchTransport {
  static final long MIN_DEAD_MILLIS = 1_000;
  static final long MAX_DEAD_MILLIS = 60_000;

  private final CloseableHttpClient client;
  private final List<HttpHost> hosts;
  private final List<Header> defaultHeaders;
  private final JsonpMapper mapper;
  private final TransportOptions options = TransportOptions.builder().build();
  private final AtomicInteger next = new AtomicInteger();
  private final Map<HttpHost, Dead> dead = new ConcurrentHashMap<>();

  /** A node skipped until {@code until} (System.nanoTime), after {@code failures} failures in a row. */
  private record Dead(long until, int failures) {
    static Dead after(Dead previous) {
      int failures = previous == null ? 1 : previous.failures() + 1;
      long millis = Math.min(MAX_DEAD_MILLIS, MIN_DEAD_MILLIS << Math.min(failures - 1, 16));
      return new Dead(System.nanoTime() + millis * 1_000_000, failures);
    }
  }

  BlockingTransport(CloseableHttpClient client, List<HttpHost> hosts, List<Header> defaultHeaders, JsonpMapper mapper) {
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("no node to send requests to");
    }
    this.client = client;
    this.hosts = List.copyOf(hosts);
    this.defaultHeaders = List.copyOf(defaultHeaders);
    this.mapper = mapper;
  }

  @Override
  public <RequestT, ResponseT, ErrorT> ResponseT performRequest(RequestT request,
      Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions requestOptions) throws IOException {
    TransportOptions opts = requestOptions == null ? options : requestOptions;
    byte[] body = null;
    ContentType type = ContentType.APPLICATION_JSON;
    if (endpoint.hasRequestBody()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(512);
      if (request instanceof NdJsonpSerializable nd) {
        writeNdJson(nd, out);
      } else if (request instanceof GenericSerializable generic) {
        String contentType = generic.serialize(out);
        type = contentType == null ? type : ContentType.parse(contentType);
      } else {
        JsonGenerator generator = mapper.jsonProvider().createGenerator(out);
        mapper.serialize(request, generator);
        generator.close();
      }
      body = out.toByteArray();
    }
    URI uri = uri(endpoint.requestUrl(request), endpoint.queryParameters(request), opts.queryParameters());
    List<HttpHost> order = nodesInOrder();
    IOException failure = null;
    for (int i = 0; i < order.size(); i++) {
      HttpHost host = order.get(i);
      HttpUriRequestBase http = new HttpUriRequestBase(endpoint.method(request), uri);
      endpoint.headers(request).forEach(http::addHeader);
      opts.headers().forEach(h -> http.addHeader(h.getKey(), h.getValue()));
      for (Header h : defaultHeaders) {
        if (!http.containsHeader(h.getName())) {
          http.addHeader(h);
        }
      }
      if (body != null) {
        http.setEntity(new ByteArrayEntity(body, type));
      }
      ClassicHttpResponse response;
      try {
        response = client.executeOpen(host, http, null);
      } catch (IOException e) { // no answer from this node: the next one
        markDead(host);
        failure = e;
        continue;
      }
      try {
        int status = response.getCode();
        if ((status == 502 || status == 503 || status == 504) && i < order.size() - 1) {
          markDead(host);
          continue;
        }
        dead.remove(host);
        return decode(response, http.getMethod(), uri, endpoint);
      } finally {
        EntityUtils.consumeQuietly(response.getEntity());
        response.close();
      }
    }
    throw failure;
  }

  /** The live nodes, starting at the next in turn; with none live, the one that comes back soonest. */
  private List<HttpHost> nodesInOrder() {
    int start = Math.floorMod(next.getAndIncrement(), hosts.size());
    List<HttpHost> live = new ArrayList<>(hosts.size());
    long now = System.nanoTime();
    HttpHost soonest = null;
    long soonestAt = Long.MAX_VALUE;
    for (int i = 0; i < hosts.size(); i++) {
      HttpHost h = hosts.get((start + i) % hosts.size());
      Dead d = dead.get(h);
      if (d == null || d.until() - now <= 0) {
        live.add(h);
      } else if (d.until() < soonestAt) {
        soonest = h;
        soonestAt = d.until();
      }
    }
    return live.isEmpty() ? List.of(soonest) : live;
  }

  private void markDead(HttpHost host) {
    dead.compute(host, (h, previous) -> Dead.after(previous));
  }

  private <ResponseT, ErrorT> ResponseT decode(ClassicHttpResponse response, String method, URI uri,
      Endpoint<?, ResponseT, ErrorT> endpoint) throws IOException {
    int status = response.getCode();
    HttpEntity entity = response.getEntity();
    if (endpoint instanceof GenericEndpoint<?, ?> any) {
      @SuppressWarnings("unchecked")
      GenericEndpoint<?, ResponseT> generic = (GenericEndpoint<?, ResponseT>) any;
      byte[] bytes = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
      List<Map.Entry<String, String>> headers = new ArrayList<>();
      for (Header h : response.getHeaders()) {
        headers.add(Map.entry(h.getName(), h.getValue()));
      }
      return generic.responseDeserializer(uri.toString(), method, response.getVersion().toString(),
          status, response.getReasonPhrase(), headers, entity == null ? null : entity.getContentType(),
          new ByteArrayInputStream(bytes));
    }
    if (endpoint.isError(status)) {
      JsonpDeserializer<ErrorT> errors = endpoint.errorDeserializer(status);
      if (errors == null || entity == null) {
        throw new TransportException("OpenSearch answered status " + status + " to " + uri.getPath());
      }
      byte[] bytes = EntityUtils.toByteArray(entity); // read again below if it is no error document
      ErrorT error;
      try (JsonParser parser = mapper.jsonProvider().createParser(new ByteArrayInputStream(bytes))) {
        error = errors.deserialize(parser, mapper);
      } catch (MissingRequiredPropertyException notAnError) { // e.g. a 404 that is a "found": false answer
        try {
          return decodeBody(new ByteArrayInputStream(bytes), status, endpoint);
        } catch (RuntimeException | IOException e) {
          throw new TransportException("OpenSearch answered status " + status + " to " + uri.getPath()
              + " and its answer could not be read", notAnError);
        }
      }
      throw endpoint.exceptionConverter(status, error);
    }
    if (entity == null && !(endpoint instanceof BooleanEndpoint<?>)) {
      throw new TransportException("OpenSearch sent no body with status " + status + " to " + uri.getPath());
    }
    try (InputStream in = entity == null ? null : entity.getContent()) {
      return decodeBody(in, status, endpoint);
    }
  }

  /** The answer of {@code endpoint} from its body (none needed by a boolean endpoint: the status says it). */
  private <ResponseT> ResponseT decodeBody(InputStream in, int status, Endpoint<?, ResponseT, ?> endpoint)
      throws IOException {
    if (endpoint instanceof BooleanEndpoint<?> bool) {
      @SuppressWarnings("unchecked")
      ResponseT result = (ResponseT) new BooleanResponse(bool.getResult(status));
      return result;
    }
    if (!(endpoint instanceof JsonEndpoint<?, ResponseT, ?> json)) {
      throw new TransportException("no decoder for endpoint " + endpoint.getClass().getName());
    }
    JsonpDeserializer<ResponseT> responses = json.responseDeserializer();
    if (responses == null) {
      return null;
    }
    try (JsonParser parser = mapper.jsonProvider().createParser(in)) {
      return responses.deserialize(parser, mapper);
    }
  }

  private static URI uri(String path, Map<String, String> params, Map<String, String> extra) {
    try {
      URIBuilder b = new URIBuilder(path);
      params.forEach(b::addParameter);
      extra.forEach(b::addParameter);
      // HttpClient 5 sends the URI as given: encode non-ASCII (document ids) here
      return new URI(b.build().toASCIIString());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Each item of a bulk or multi-search body on its own line, nested bodies flattened. */
  private void writeNdJson(NdJsonpSerializable value, ByteArrayOutputStream out) {
    Iterator<?> items = value._serializables();
    while (items.hasNext()) {
      Object item = items.next();
      if (item instanceof NdJsonpSerializable nested && item != value) {
        writeNdJson(nested, out);
      } else {
        JsonGenerator generator = mapper.jsonProvider().createGenerator(out);
        mapper.serialize(item, generator);
        generator.close();
        out.write('\n');
      }
    }
  }

  @Override
  public <RequestT, ResponseT, ErrorT> CompletableFuture<ResponseT> performRequestAsync(RequestT request,
      Endpoint<RequestT, ResponseT, ErrorT> endpoint, TransportOptions requestOptions) {
    try {
      return CompletableFuture.completedFuture(performRequest(request, endpoint, requestOptions));
    } catch (IOException | RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public JsonpMapper jsonpMapper() {
    return mapper;
  }

  @Override
  public TransportOptions options() {
    return options;
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
