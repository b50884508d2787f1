package dev.vigil.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Failed logins per client address within a sliding window: past the limit, the address gets
 * 429 until old failures age out. This stops guessing across many accounts; the per-account
 * lock-out (in the store) stops guessing one account from many addresses.
 */
final class LoginThrottle {
  private final int limit;
  private final Duration window;
  private final Map<String, Deque<Instant>> failures = new HashMap<>();

  LoginThrottle(int limit, Duration window) {
    this.limit = limit;
    this.window = window;
  }

  synchronized boolean blocked(String address) {
    Deque<Instant> f = failures.get(address);
    if (f == null) {
      return false;
    }
    Instant horizon = Instant.now().minus(window);
    while (!f.isEmpty() && f.peekFirst().isBefore(horizon)) {
      f.pollFirst();
    }
    if (f.isEmpty()) {
      failures.remove(address);
      return false;
    }
    return f.size() >= limit;
  }

  synchronized void failed(String address) {
    if (failures.size() > 100_000) {
      failures.clear(); // a flood of addresses must not exhaust memory
    }
    failures.computeIfAbsent(address, a -> new ArrayDeque<>()).addLast(Instant.now());
  }
}
