package dev.vigil.cli;

import dev.vigil.alerts.AlertLoop;
import dev.vigil.config.VigilConfig;
import dev.vigil.store.Store;
import dev.vigil.stories.StoryUpdater;
import dev.vigil.web.WebServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vigil serve}: the dashboard and API. */
@Command(mixinStandardHelpOptions = true, name = "serve", sortOptions = false,
    description = {
        "Serve the dashboard and the JSON API (/api/v1) until stopped (Ctrl-C).",
        "Articles ingested meanwhile by `vigil ingest` appear within seconds.",
    })
final class ServeCommand implements Callable<Integer> {
  private static final long CATCH_UP_SECONDS = 2;

  @Mixin DataDirOption data;

  @Option(names = "--port", paramLabel = "N", description = "Port (default: server.port in config, 8080; 0 = any free port).")
  Integer port;

  @Option(names = "--host", paramLabel = "ADDR", description = "Interface (default: server.host in config, 127.0.0.1).")
  String host;

  @Option(names = "--auth", description = "Team mode: require a sign-in (accounts from `vigil users add`) or an API token (default: server.auth in config, off).")
  boolean auth;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException, java.io.IOException {
    VigilConfig config = data.config();
    Logging.toDataDir(data.dir);
    serve(data.dir, config, host, port, spec.commandLine().getOut(), () -> {},
        new WebServer.Auth(auth || config.serverAuth(), config.serverSecureCookies()));
    return ExitCodes.OK;
  }

  /**
   * What the server does every {@value #CATCH_UP_SECONDS} seconds: indexes the articles another
   * process (a {@code vigil ingest} or {@code vigil watch} beside the server) wrote to the
   * database, then assigns them to stories.
   */
  static void catchUp(Store store) {
    store.catchUpIndex(n -> {});
    StoryUpdater.standard().catchUp(store);
  }

  /**
   * Serves {@code dataDir} until the process is asked to stop.
   *
   * @param afterStop run once the server and store are closed
   */
  static void serve(Path dataDir, VigilConfig config, String host, Integer port, PrintWriter out,
      Runnable afterStop) throws InterruptedException, java.io.IOException {
    serve(dataDir, config, host, port, out, afterStop, WebServer.Auth.OFF);
  }

  /** Serves {@code dataDir} with team mode as {@code auth} says, until asked to stop. */
  static void serve(Path dataDir, VigilConfig config, String host, Integer port, PrintWriter out,
      Runnable afterStop, WebServer.Auth auth) throws InterruptedException, java.io.IOException {
    Store store = Store.open(dataDir);
    catchUp(store);
    if (auth.teamMode() && store.accounts().count() == 0) {
      out.println("Team mode, but there are no accounts yet: create the first admin with"
          + " `vigil users add --org NAME --role admin USER`.");
    }
    WebServer server = WebServer.start(store, host != null ? host : config.serverHost(),
        port != null ? port : config.serverPort(), Main.version(), auth);
    AlertLoop alerts = AlertLoop.start(AlertsCommand.evaluator(store),
        AlertsCommand.delivery(store, config), config.alertsEverySeconds());
    ScheduledExecutorService indexer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "vigil-index-catch-up");
      t.setDaemon(true);
      return t;
    });
    indexer.scheduleWithFixedDelay(() -> {
      try {
        catchUp(store);
      } catch (RuntimeException e) {
        LoggerFactory.getLogger(ServeCommand.class).warn("index or story catch-up failed: {}", e.getMessage());
      }
    }, CATCH_UP_SECONDS, CATCH_UP_SECONDS, TimeUnit.SECONDS);
    Thread feeds = WatchCommand.startBackground(store, config, dataDir, out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      indexer.shutdownNow();
      if (feeds != null) {
        feeds.interrupt();
      }
      server.close();
      alerts.close();
      store.close();
      afterStop.run();
      stopped.countDown();
    }, "vigil-shutdown"));
    out.println("Vigil is serving " + store.articles().count() + " articles from " + dataDir
        + " at " + server.url() + (auth.teamMode() ? " in team mode (sign-in required)" : "")
        + "  (Ctrl-C to stop)");
    out.flush();
    stopped.await();
  }
}
