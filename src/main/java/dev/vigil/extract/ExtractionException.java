package dev.vigil.extract;

/** The input holds no article that can be extracted; the message says why, for a user. */
public final class ExtractionException extends Exception {
  private static final long serialVersionUID = 1L;

  public ExtractionException(String reason) {
    super(reason);
  }
}
