package dev.vigil.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.alerts.WatchlistInput;
import dev.vigil.internal.Json;
import dev.vigil.store.Alert;
import dev.vigil.store.InvalidFieldException;
import dev.vigil.store.Store;
import dev.vigil.store.Watchlist;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil watchlist add|list|show|remove}: the watchlists that alerts come from. */
@Command(mixinStandardHelpOptions = true, name = "watchlist", sortOptions = false,
    description = {
        "Create, list, show and remove watchlists. A watchlist is a search query plus filters;",
        "articles stored from then on that match it raise one alert per story, delivered by",
        "webhook, e-mail or the Atom feed /watchlists/ID/atom.xml (see `vigil alerts`).",
    },
    subcommands = {
        WatchlistCommand.Add.class,
        WatchlistCommand.ListCommand.class,
        WatchlistCommand.Show.class,
        WatchlistCommand.Remove.class,
    })
final class WatchlistCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code vigil watchlist add}. */
  @Command(mixinStandardHelpOptions = true, name = "add", sortOptions = false,
      description = "Create a watchlist; prints its id (and its webhook secret, if any).")
  static final class Add implements Callable<Integer> {
    @Mixin DataDirOption data;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "What it is for.")
    String name;

    @Option(names = "--query", paramLabel = "QUERY", description = "Search syntax, as for `vigil search` (default: every article).")
    String query;

    @Option(names = "--entity", paramLabel = "ID|NAME", description = "A linked entity (KB id or name); repeatable, any matches.")
    List<String> entities = List.of();

    @Option(names = "--event-type", paramLabel = "TYPE", description = "An event type (e.g. armed_clash); repeatable.")
    List<String> eventTypes = List.of();

    @Option(names = "--category", paramLabel = "CATEGORY", description = "A category; repeatable.")
    List<String> categories = List.of();

    @Option(names = "--country", paramLabel = "ISO2", description = "A country code of a mentioned place (e.g. TJ); repeatable.")
    List<String> countries = List.of();

    @Option(names = "--near", paramLabel = "LAT,LON,KM", description = "Places within KM of the point.")
    String near;

    @Option(names = "--box", paramLabel = "S,W,N,E", description = "Places inside the box.")
    String box;

    @Option(names = "--min-reliability", paramLabel = "LABEL", description = "Reliable, Mixed or Unreliable.")
    String minReliability;

    @Option(names = "--min-grade", paramLabel = "GRADE", description = "Admiralty grade at least as good as this, e.g. B2.")
    String minGrade;

    @Option(names = "--min-sources", paramLabel = "N", description = "Independent sources of the story (default 1).")
    Integer minSources;

    @Option(names = "--digest", paramLabel = "MODE", description = "immediate (default), hourly or daily.")
    String digest;

    @Option(names = "--webhook", paramLabel = "URL", description = "POST alerts here (signed JSON).")
    String webhook;

    @Option(names = "--webhook-secret", paramLabel = "SECRET", description = "HMAC key (default: a new random one, printed).")
    String webhookSecret;

    @Option(names = "--email", paramLabel = "ADDRESS", description = "Send alerts here (needs alerts.smtp in config.yaml).")
    String email;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      ObjectNode json = Json.mapper().createObjectNode();
      json.put("name", name);
      json.put("query", query);
      array(json, "entities", entities);
      array(json, "eventTypes", eventTypes);
      array(json, "categories", categories);
      array(json, "countries", countries);
      if (near != null) {
        double[] v = numbers("--near", near, 3);
        json.putObject("near").put("lat", v[0]).put("lon", v[1]).put("radiusKm", v[2]);
      }
      if (box != null) {
        double[] v = numbers("--box", box, 4);
        json.putObject("box").put("south", v[0]).put("west", v[1]).put("north", v[2]).put("east", v[3]);
      }
      json.put("minReliability", minReliability);
      json.put("minGrade", minGrade);
      if (minSources != null) {
        json.put("minSources", minSources);
      }
      json.put("digest", digest);
      json.put("webhookUrl", webhook);
      json.put("webhookSecret", webhookSecret);
      json.put("email", email);
      PrintWriter out = spec.commandLine().getOut();
      try (Store store = Store.open(data.dir)) {
        Watchlist w;
        try {
          w = WatchlistInput.read(json, store.index());
        } catch (InvalidFieldException e) {
          throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Watchlist saved = store.watchlists().create(w);
        out.println("Watchlist " + saved.id() + " created: " + saved.name());
        if (saved.webhookSecret() != null) {
          out.println("Webhook secret (verify X-Vigil-Signature with it): " + saved.webhookSecret());
        }
      }
      return ExitCodes.OK;
    }

    private static void array(ObjectNode json, String field, List<String> values) {
      ArrayNode a = json.putArray(field);
      values.forEach(a::add);
    }

    private double[] numbers(String option, String raw, int count) {
      String[] parts = raw.split(",");
      if (parts.length != count) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            option + " needs " + count + " numbers separated by commas, got '" + raw + "'");
      }
      double[] out = new double[count];
      for (int i = 0; i < count; i++) {
        try {
          out[i] = Double.parseDouble(parts[i].strip());
        } catch (NumberFormatException e) {
          throw new CommandLine.ParameterException(spec.commandLine(),
              option + ": '" + parts[i].strip() + "' is not a number");
        }
      }
      return out;
    }
  }

  /** {@code vigil watchlist list}. */
  @Command(mixinStandardHelpOptions = true, name = "list", description = "List the watchlists.")
  static final class ListCommand implements Callable<Integer> {
    @Mixin DataDirOption data;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
        description = "text or jsonl (one watchlist per line, webhook secrets left out).")
    String format;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Store store = Store.open(data.dir)) {
        List<Watchlist> all = store.watchlists().all();
        if ("jsonl".equals(format)) {
          all.forEach(w -> out.println(Json.write(w.withWebhookSecret(null))));
          return ExitCodes.OK;
        }
        if (all.isEmpty()) {
          out.println("No watchlists. Create one with `vigil watchlist add --name NAME --query QUERY`.");
        }
        for (Watchlist w : all) {
          long failed = store.watchlists().failedDeliveries(w.id());
          out.printf(Locale.ROOT, "%d  %s  [%s%s]%s%n", w.id(), w.name(), w.digest(),
              w.channels().isEmpty() ? ", feed only" : ", " + String.join(", ", w.channels()),
              w.query().isEmpty() ? "" : "  " + w.query());
          if (failed > 0) {
            out.printf(Locale.ROOT, "    %d deliveries failing; `vigil watchlist show %d` says why%n", failed, w.id());
          }
        }
      }
      return ExitCodes.OK;
    }
  }

  /** {@code vigil watchlist show ID}. */
  @Command(mixinStandardHelpOptions = true, name = "show",
      description = "Show a watchlist, its latest alerts, why they fired and how their delivery went.")
  static final class Show implements Callable<Integer> {
    @Mixin DataDirOption data;

    @Parameters(paramLabel = "ID", description = "The watchlist's id.")
    long id;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "Alerts to show.")
    int limit;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Store store = Store.open(data.dir)) {
        Watchlist w = store.watchlists().get(id)
            .orElseThrow(() -> new IllegalArgumentException("no watchlist with id " + id));
        out.println(Json.mapper().valueToTree(w).toPrettyString());
        List<Alert> alerts = store.watchlists().alerts(id, Math.max(1, limit));
        out.println();
        out.println(alerts.isEmpty() ? "No alerts yet." : "Latest alerts:");
        for (Alert a : alerts) {
          out.printf(Locale.ROOT, "%n#%d  %s  (%d article%s, story %s, updated %s)%n", a.id(),
              a.latestTitle() != null ? a.latestTitle() : a.latestArticle(), a.articleCount(),
              a.articleCount() == 1 ? "" : "s", a.storyId(), a.updated());
          for (Alert.Reason r : a.reasons()) {
            out.println("    " + r.filter() + ": " + r.detail());
          }
          for (Alert.Delivery d : a.deliveries()) {
            out.println("    " + d.channel() + " " + d.status() + ", " + d.attempts() + " attempt"
                + (d.attempts() == 1 ? "" : "s") + (d.lastError() != null ? ", last error: " + d.lastError() : ""));
          }
        }
      }
      return ExitCodes.OK;
    }
  }

  /** {@code vigil watchlist remove ID}. */
  @Command(mixinStandardHelpOptions = true, name = "remove",
      description = "Delete a watchlist with its alerts.")
  static final class Remove implements Callable<Integer> {
    @Mixin DataDirOption data;

    @Parameters(paramLabel = "ID", description = "The watchlist's id.")
    long id;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      try (Store store = Store.open(data.dir)) {
        if (!store.watchlists().remove(id)) {
          throw new IllegalArgumentException("no watchlist with id " + id);
        }
      }
      spec.commandLine().getOut().println("Watchlist " + id + " removed.");
      return ExitCodes.OK;
    }
  }
}
