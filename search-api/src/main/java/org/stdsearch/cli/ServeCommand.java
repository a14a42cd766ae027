package org.stdsearch.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER until the HTTP layer lands. */
@Command(name = "serve", description = "Serve the search API (placeholder).")
public final class ServeCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 2;
  }
}
