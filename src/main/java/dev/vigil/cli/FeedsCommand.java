package dev.vigil.cli;

import dev.vigil.internal.Json;
import dev.vigil.model.FeedState;
import dev.vigil.store.Store;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vigil feeds}: each feed's health. */
@Command(mixinStandardHelpOptions = true, name = "feeds", sortOptions = false,
    description = {
        "List the polled feeds with their health: last success, consecutive errors and",
        "the last error, items seen, articles stored, interval and next poll.",
    })
final class FeedsCommand implements Callable<Integer> {
  @Mixin DataDirOption data;

  @Option(names = "--format", defaultValue = "text", description = "text or jsonl (default: ${DEFAULT-VALUE}).")
  String format;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (!format.equals("text") && !format.equals("jsonl")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--format must be text or jsonl: " + format);
    }
    try (Store store = Store.open(data.dir)) {
      for (FeedState f : store.feeds().all()) {
        if (format.equals("jsonl")) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("url", f.url());
          m.put("title", f.title());
          m.put("source", f.source());
          m.put("lastPolled", str(f.lastPolled()));
          m.put("lastSuccess", str(f.lastSuccess()));
          m.put("nextPoll", f.nextPoll().toString());
          m.put("intervalSeconds", f.interval().toSeconds());
          m.put("errors", f.errors());
          m.put("errorsTotal", f.errorsTotal());
          m.put("lastError", f.lastError());
          m.put("itemsSeen", f.itemsSeen());
          m.put("articles", f.articles());
          out.println(Json.write(m));
        } else {
          out.printf("%s%n  %s | source %s | last success %s | items %d, articles %d | every %d min, next %s%n",
              f.url(), f.title() == null ? "(not polled yet)" : f.title(), f.source() == null ? "-" : f.source(),
              f.lastSuccess() == null ? "never" : f.lastSuccess(), f.itemsSeen(), f.articles(),
              f.interval().toMinutes(), f.nextPoll());
          if (f.errors() > 0) {
            out.printf("  FAILING (%d in a row): %s%n", f.errors(), f.lastError());
          }
        }
      }
    }
    return ExitCodes.OK;
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }
}
