package dev.vigil.alerts;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates new articles and delivers due alerts every few seconds on a background thread, for
 * as long as a server runs. A failing pass is logged and the next one tries again.
 */
public final class AlertLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertLoop.class);

  private final ScheduledExecutorService executor;

  private AlertLoop(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  /** Starts passes every {@code periodSeconds}. */
  public static AlertLoop start(AlertEvaluator evaluator, AlertDelivery delivery, long periodSeconds) {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "vigil-alerts");
      t.setDaemon(true);
      return t;
    });
    executor.scheduleWithFixedDelay(() -> {
      try {
        evaluator.evaluate(Instant.now());
        delivery.deliverDue(Instant.now());
      } catch (RuntimeException e) {
        LOG.warn("alert pass failed: {}", e.getMessage(), e);
      }
    }, periodSeconds, periodSeconds, TimeUnit.SECONDS);
    return new AlertLoop(executor);
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(20, TimeUnit.SECONDS); // a send in flight has its own timeouts
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
