package org.stdsearch.http.filter;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.ForwardedHandler;
import io.undertow.server.handlers.ProxyPeerAddressHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Behind a TLS-terminating proxy the request the server sees is plain HTTP from the proxy: the
 * scheme, host and client address people used are in {@code Forwarded} (RFC 7239) or {@code
 * X-Forwarded-Proto/-Host/-Port/-For}. Those headers are honoured only from the configured proxies
 * (addresses or CIDR ranges): from anyone else they are whatever a client chose to send, and would
 * let it pick the links the server writes ({@code /opensearch.xml}) and the address it is rate
 * limited by. Undertow's {@link ForwardedHandler} and {@link ProxyPeerAddressHandler} do the
 * rewriting.
 */
public final class TrustedProxyHandler implements HttpHandler {
  private final List<Range> trusted;
  private final HttpHandler direct;
  private final HttpHandler proxied;

  public TrustedProxyHandler(List<String> trustedProxies, HttpHandler next) {
    this.trusted = trustedProxies.stream().map(Range::parse).toList();
    this.direct = next;
    this.proxied = new ForwardedHandler(new ProxyPeerAddressHandler(next));
  }

  /** Throws, naming {@code trusted.proxies}, unless every entry is an IP address or CIDR range. */
  public static void validate(List<String> trustedProxies) {
    trustedProxies.forEach(Range::parse);
  }

  /** {@code next} itself when no proxy is trusted: nothing to check per request. */
  public static HttpHandler wrap(List<String> trustedProxies, HttpHandler next) {
    return trustedProxies.isEmpty() ? next : new TrustedProxyHandler(trustedProxies, next);
  }

  @Override
  public void handleRequest(HttpServerExchange ex) throws Exception {
    InetSocketAddress peer = ex.getSourceAddress();
    InetAddress address = peer == null ? null : peer.getAddress();
    if (address != null && trusted.stream().anyMatch(r -> r.contains(address))) {
      proxied.handleRequest(ex);
    } else {
      direct.handleRequest(ex);
    }
  }

  /** An address ({@code 10.0.0.5}, {@code ::1}) or a CIDR range ({@code 10.0.0.0/8}). */
  record Range(byte[] network, int prefixBits) {
    static Range parse(String spec) {
      String s = spec.strip();
      int slash = s.indexOf('/');
      String host = slash < 0 ? s : s.substring(0, slash);
      if (!host.matches("[0-9A-Fa-f:.]+")) {
        // A literal address only: a name would be looked up in DNS for every start.
        throw new IllegalArgumentException("trusted.proxies: '" + spec + "' is not an IP address or CIDR range");
      }
      byte[] bytes;
      try {
        bytes = InetAddress.getByName(host).getAddress();
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("trusted.proxies: '" + spec + "' is not an IP address or CIDR range");
      }
      int bits = bytes.length * 8;
      if (slash >= 0) {
        try {
          bits = Integer.parseInt(s.substring(slash + 1));
        } catch (NumberFormatException e) {
          bits = -1;
        }
        if (bits < 0 || bits > bytes.length * 8) {
          throw new IllegalArgumentException("trusted.proxies: '" + spec + "' has a bad prefix length");
        }
      }
      return new Range(bytes, bits);
    }

    boolean contains(InetAddress address) {
      byte[] a = address.getAddress();
      if (a.length != network.length) {
        return false;
      }
      int full = prefixBits / 8;
      for (int i = 0; i < full; i++) {
        if (a[i] != network[i]) {
          return false;
        }
      }
      int rest = prefixBits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (a[full] & mask) == (network[full] & mask);
    }
  }
}
