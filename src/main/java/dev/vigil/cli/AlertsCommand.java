package dev.vigil.cli;

import dev.vigil.alerts.AlertDelivery;
import dev.vigil.alerts.AlertEvaluator;
import dev.vigil.alerts.MailSender;
import dev.vigil.alerts.WebhookSender;
import dev.vigil.config.VigilConfig;
import dev.vigil.store.Store;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code vigil alerts deliver}: one pass of what a running server does every few seconds. */
@Command(mixinStandardHelpOptions = true, name = "alerts", sortOptions = false,
    description = "Alerts of the watchlists (see `vigil watchlist`).",
    subcommands = {AlertsCommand.Deliver.class})
final class AlertsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The evaluator: one alert per story, with independence and grades from the stories stage. */
  static AlertEvaluator evaluator(Store store) {
    return new AlertEvaluator(store,
        new StoryAlertContext(store, Components.sourcePriors(store.dataDir())));
  }

  /** Delivery by webhook and by e-mail as {@code config} sets it up. */
  static AlertDelivery delivery(Store store, VigilConfig config) {
    VigilConfig.Smtp s = config.alertsSmtp();
    return new AlertDelivery(store, new WebhookSender(),
        new MailSender(new MailSender.Settings(s.host(), s.port(), s.username(), s.password(),
            s.from(), s.startTls())),
        config.alertsBaseUrl(), new SecureRandom());
  }

  /** {@code vigil alerts deliver}. */
  @Command(mixinStandardHelpOptions = true, name = "deliver",
      description = {
          "Evaluate the articles stored since the last pass against every watchlist, then send",
          "the alerts that are due (webhook, e-mail), once. `vigil serve` does this continuously.",
      })
  static final class Deliver implements Callable<Integer> {
    @Mixin DataDirOption data;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      VigilConfig config = data.config();
      PrintWriter out = spec.commandLine().getOut();
      try (Store store = Store.open(data.dir)) {
        store.catchUpIndex(n -> {});
        AlertEvaluator.Outcome e = evaluator(store).evaluate(Instant.now());
        AlertDelivery.Outcome d = delivery(store, config).deliverDue(Instant.now());
        out.printf(Locale.ROOT, "Evaluated %,d new articles: %d new alerts, %d updated.%n",
            e.articles(), e.created(), e.updated());
        out.printf(Locale.ROOT, "Sent %d messages carrying %d deliveries; %d failed%s.%n",
            d.sent(), d.deliveries(), d.failed(),
            d.failed() > 0 ? " (retried later; `vigil watchlist show ID` says why)" : "");
        return d.failed() > 0 ? ExitCodes.SKIPPED : ExitCodes.OK;
      }
    }
  }
}
