package dev.vigil.fetch;

/**
 * A URL could not be fetched: the message names the URL and the reason (status, robots.txt,
 * timeout, redirect loop...). {@code status} is the last HTTP status, or 0 when none came.
 */
public final class FetchException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String url;
  private final int status;

  public FetchException(String url, int status, String reason) {
    super(url + ": " + reason);
    this.url = url;
    this.status = status;
  }

  public FetchException(String url, int status, String reason, Throwable cause) {
    super(url + ": " + reason, cause);
    this.url = url;
    this.status = status;
  }

  public String url() {
    return url;
  }

  public int status() {
    return status;
  }
}
