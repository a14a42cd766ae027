package org.stdsearch.recognise;

import java.nio.file.Path;

/** PLACEHOLDER until the recogniser lands. */
public final class Sidecars {
  public static Sidecars load(Path root) { return new Sidecars(); }
  public String fingerprint(Path file) { return ""; }
}
