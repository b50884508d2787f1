package dev.vigil.fetch;

import java.util.concurrent.Semaphore;

/**
 * The politeness of one host: at most {@code permits} requests at once, and at least the
 * host's delay between the start of one request and the start of the next, and between the
 * end of one and the start of the next. A server's Retry-After or a backoff pushes the next
 * allowed start later for every request to that host, not only the one retried.
 */
final class HostGate {
  private final Semaphore permits;
  private long delayNanos; // guarded by this
  private long nextStartNanos = System.nanoTime(); // guarded by this

  HostGate(int permits, long delayNanos) {
    this.permits = new Semaphore(permits, true);
    this.delayNanos = delayNanos;
  }

  /** Waits for a permit and for the host's turn; the caller must {@link #release} after. */
  void acquire() throws InterruptedException {
    permits.acquire();
    try {
      while (true) {
        long wait;
        synchronized (this) {
          long now = System.nanoTime();
          wait = nextStartNanos - now;
          if (wait <= 0) {
            nextStartNanos = now + delayNanos;
            return;
          }
        }
        Thread.sleep(wait / 1_000_000 + 1); // +1: never wake a hair early and spin
      }
    } catch (InterruptedException e) {
      permits.release();
      throw e;
    }
  }

  void release() {
    synchronized (this) {
      nextStartNanos = Math.max(nextStartNanos, System.nanoTime() + delayNanos);
    }
    permits.release();
  }

  /** No request to this host starts before {@code nanoTime}. */
  synchronized void notBefore(long nanoTime) {
    nextStartNanos = Math.max(nextStartNanos, nanoTime);
  }

  /** Raises the delay (a robots.txt Crawl-delay longer than the policy's). */
  synchronized void atLeast(long delayNanos) {
    this.delayNanos = Math.max(this.delayNanos, delayNanos);
  }
}
