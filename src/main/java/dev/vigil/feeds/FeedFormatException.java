package dev.vigil.feeds;

/** A document is not a feed Vigil can read; the message names the URL and the reason. */
public final class FeedFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public FeedFormatException(String url, String reason) {
    super(url + ": " + reason);
  }

  public FeedFormatException(String url, String reason, Throwable cause) {
    super(url + ": " + reason, cause);
  }
}
