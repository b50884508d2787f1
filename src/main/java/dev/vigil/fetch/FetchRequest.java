package dev.vigil.fetch;

import java.util.Objects;

/**
 * One URL to fetch, with the validators of the copy already held (null when none): a server
 * that has nothing newer answers 304 and {@link FetchResult#notModified()} is true.
 */
public record FetchRequest(String url, String etag, String lastModified) {
  public FetchRequest {
    Objects.requireNonNull(url, "url");
  }

  public static FetchRequest of(String url) {
    return new FetchRequest(url, null, null);
  }
}
