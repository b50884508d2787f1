package dev.vigil.store;

/** Another process (usually a running {@code vigil serve}) is writing the index. */
public final class IndexLockedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IndexLockedException(String message, Throwable cause) {
    super(message, cause);
  }
}
