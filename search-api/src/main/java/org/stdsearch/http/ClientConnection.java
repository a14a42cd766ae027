package org.stdsearch.http;

import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.AbstractServerConnection;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import org.xnio.conduits.StreamSourceConduit;

/**
 * Whether the client of a request still waits for the answer. While a request runs, Undertow reads
 * nothing more from its connection, so a client that hung up is not noticed until the answer is
 * written; this looks: one non-blocking read on the connection. End of stream or an error means
 * gone. Bytes that arrive (a pipelined next request) are handed back to Undertow as the start of
 * that request. A client that only half-closes (shuts down its sending side but still reads)
 * counts as gone; HTTP clients do not do that.
 */
final class ClientConnection {
  private ClientConnection() {}

  /** True when the connection of {@code ex} is closed or its client has closed it. */
  static boolean gone(HttpServerExchange ex) {
    if (!(ex.getConnection() instanceof AbstractServerConnection connection)) {
      return !ex.getConnection().isOpen();
    }
    if (!connection.isOpen()) {
      return true;
    }
    if (ex.isResponseStarted() || connection.getExtraBytes() != null) {
      return false; // a pipelined request is already read: someone is there
    }
    StreamSourceConduit source = connection.getOriginalSourceConduit();
    if (source.isReadShutdown()) {
      return true;
    }
    PooledByteBuffer pooled = connection.getByteBufferPool().allocate();
    try {
      int read = source.read(pooled.getBuffer());
      if (read < 0) {
        return true;
      }
      if (read > 0) {
        pooled.getBuffer().flip();
        connection.setExtraBytes(pooled);
        pooled = null;
      }
      return false;
    } catch (IOException e) {
      return true;
    } finally {
      if (pooled != null) {
        pooled.close();
      }
    }
  }
}
