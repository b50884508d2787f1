package dev.vigil.fetch;

import dev.vigil.internal.Charsets;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Objects;

/**
 * What a fetch gave: the URL finally answered (after redirects), status, the validators for
 * the next conditional request, the body (decompressed, cut at the policy's maximum:
 * {@code truncated} then says so) and its charset as detected.
 *
 * @param redirects the URLs that redirected, in order (empty when none)
 * @param attempts how many requests the last hop took (more than 1 after retries)
 */
public record FetchResult(
    String url, String finalUrl, int status, String contentType, String etag, String lastModified,
    byte[] body, boolean truncated, Charset charset, List<String> redirects, int attempts) {

  public FetchResult {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(finalUrl, "finalUrl");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(charset, "charset");
    redirects = List.copyOf(redirects);
  }

  /** The server has nothing newer than the validators sent (HTTP 304). */
  public boolean notModified() {
    return status == 304;
  }

  /** The body decoded with the detected charset. */
  public String text() {
    return Charsets.decode(body, charset);
  }
}
