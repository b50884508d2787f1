package dev.vigil.alerts;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signatures: {@code sha256=} and the hex HMAC-SHA256, keyed by the watchlist's secret,
 * of {@code timestamp + "." + body}. The timestamp (Unix seconds) travels in
 * {@code X-Vigil-Timestamp}, so a receiver can refuse old or replayed requests.
 */
public final class WebhookSigner {
  public static final String SIGNATURE_HEADER = "X-Vigil-Signature";
  public static final String TIMESTAMP_HEADER = "X-Vigil-Timestamp";
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSigner() {}

  /** The value of {@value #SIGNATURE_HEADER} for {@code body} sent at {@code timestamp}. */
  public static String sign(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "sha256=" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }

  /** A new random secret: 32 bytes, hex. */
  public static String newSecret() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
