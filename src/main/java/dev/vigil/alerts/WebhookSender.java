package dev.vigil.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** POSTs a signed JSON body to a webhook; anything but a 2xx answer is a failure. */
public final class WebhookSender {
  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final int MAX_ERROR_BODY = 200;

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();

  /**
   * Sends {@code body} to {@code url}, signed with {@code secret} at {@code now}.
   *
   * @throws DeliveryException if the receiver cannot be reached or does not answer 2xx
   */
  public void send(String url, String secret, String body, Instant now) throws DeliveryException {
    long ts = now.getEpochSecond();
    HttpRequest request = HttpRequest.newBuilder(URI.create(url))
        .timeout(TIMEOUT)
        .header("Content-Type", "application/json; charset=utf-8")
        .header("User-Agent", "Vigil-Alerts")
        .header(WebhookSigner.TIMESTAMP_HEADER, Long.toString(ts))
        .header(WebhookSigner.SIGNATURE_HEADER, WebhookSigner.sign(secret, ts, body))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new DeliveryException(url + ": no answer within " + TIMEOUT.toSeconds() + " s", e);
    } catch (IOException e) {
      throw new DeliveryException(url + ": " + (e.getMessage() != null ? e.getMessage()
          : e.getClass().getSimpleName()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException(url + ": interrupted", e);
    }
    int status = response.statusCode();
    if (status / 100 != 2) {
      String b = response.body() == null ? "" : response.body().strip().replaceAll("\\s+", " ");
      throw new DeliveryException(url + " answered HTTP " + status
          + (b.isEmpty() ? "" : ": " + (b.length() > MAX_ERROR_BODY ? b.substring(0, MAX_ERROR_BODY) + "…" : b)));
    }
  }
}
