package org.stdsearch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar stdsearch.jar <subcommand>}: the one runnable artifact. */
@Command(
    name = "stdsearch",
    mixinStandardHelpOptions = true,
    version = "stdsearch 0.1.0",
    description = "Full-text search engine for technical standards.",
    subcommands = {IndexCommand.class, SearchCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit status (tests call this instead of main). */
  public static int run(String... args) {
    return new CommandLine(new Main())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler((e, cmd, parsed) -> {
          // A user error (bad folder, unreadable index) gets one clear line, not a stack trace.
          cmd.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
          org.slf4j.LoggerFactory.getLogger(Main.class).debug("command failed", e);
          return 1;
        })
        .execute(args);
  }
}
