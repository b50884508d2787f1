package dev.vigil.cli;

import dev.vigil.config.ConfigException;
import dev.vigil.store.IndexLockedException;
import dev.vigil.store.QuerySyntaxException;
import dev.vigil.store.StoreException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vigil} command. */
@Command(
    name = "vigil",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
        "Vigil: news intelligence for regional security. It ingests news reports,",
        "analyses them, and serves them as a searchable dashboard and JSON API.",
        "",
        "Start here:  vigil demo           sample news in, dashboard up, URL printed",
        "Your news:   vigil ingest FOLDER  then  vigil serve",
        "",
    },
    subcommands = {
        DemoCommand.class,
        ServeCommand.class,
        IngestCommand.class,
        WatchCommand.class,
        FeedsCommand.class,
        SourcesCommand.class,
        AnalyzeCommand.class,
        ExtractCommand.class,
        SearchCommand.class,
        StoriesCommand.class,
        EventsCommand.class,
        ReindexCommand.class,
        KbCommand.class,
        ExportCommand.class,
        ImportCommand.class,
        WatchlistCommand.class,
        AlertsCommand.class,
        UsersCommand.class,
        TokensCommand.class,
        EvalCommand.class,
        BenchCommand.class,
        CorpusCommand.class,
        CommandLine.HelpCommand.class,
    },
    footer = {
        "",
        "Data lives in --data DIR (default ./vigil-data, or $VIGIL_DATA): vigil.db",
        "(SQLite, the source of truth), index/ (Lucene, rebuilt by `vigil reindex`),",
        "config.yaml (settings), logs/.",
        "Exit status: 0 ok, 1 error, 2 usage error, 3 done but some inputs skipped.",
        "`vigil help COMMAND` or `vigil COMMAND --help` explains each command.",
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
        StandardCharsets.UTF_8);
    int code = run(args, out, System.err);
    out.flush();
    System.exit(code);
  }

  /** Runs {@code vigil args} and returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("vigil: error: " + explain(e));
      if (!isExpected(e)) {
        LoggerFactory.getLogger(Main.class).error("command failed", e);
      }
      return ExitCodes.ERROR;
    });
    return cli.execute(args);
  }

  private static boolean isExpected(Exception e) {
    return e instanceof StoreException || e instanceof ConfigException
        || e instanceof QuerySyntaxException || e instanceof IndexLockedException
        || e instanceof IllegalArgumentException || e instanceof java.io.IOException;
  }

  private static String explain(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"vigil " + version(), "Java " + System.getProperty("java.version")};
    }
  }

  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
