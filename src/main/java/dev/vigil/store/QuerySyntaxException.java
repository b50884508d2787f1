package dev.vigil.store;

/** A search query that cannot be parsed; the message says where and why. */
public final class QuerySyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public QuerySyntaxException(String message, Throwable cause) {
    super(message, cause);
  }
}
