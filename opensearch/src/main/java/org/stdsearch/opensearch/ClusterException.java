package org.stdsearch.opensearch;

import java.io.IOException;

/** An answer of the cluster outside 2xx, with its HTTP status. */
public final class ClusterException extends IOException {
  private final int status;

  public ClusterException(int status, String message) {
    super(status + " " + message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
