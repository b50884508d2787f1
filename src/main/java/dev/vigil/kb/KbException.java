package dev.vigil.kb;

/** A knowledge-base file that cannot be used; the message names the file and the entry. */
public final class KbException extends RuntimeException {
  public KbException(String message) {
    super(message);
  }

  public KbException(String message, Throwable cause) {
    super(message, cause);
  }
}
