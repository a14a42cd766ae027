package org.stdsearch.search;

/** A request parameter is invalid; the HTTP layer answers 400 naming it. */
public final class BadParameterException extends RuntimeException {
  private final String parameter;

  public BadParameterException(String parameter, String reason) {
    super(parameter + ": " + reason);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }

  public String reason() {
    return getMessage().substring(parameter.length() + 2);
  }
}
