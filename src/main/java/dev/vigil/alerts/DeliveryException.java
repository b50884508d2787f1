package dev.vigil.alerts;

/** A delivery attempt that failed; the message says how (shown beside the alert). */
public final class DeliveryException extends Exception {
  private static final long serialVersionUID = 1L;

  public DeliveryException(String message, Throwable cause) {
    super(message, cause);
  }

  public DeliveryException(String message) {
    super(message);
  }
}
