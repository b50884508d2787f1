package dev.vigil.cli;

import dev.vigil.export.EventRow;
import dev.vigil.internal.Json;
import dev.vigil.store.Store;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vigil events}: the stored events, one per line. */
@Command(mixinStandardHelpOptions = true, name = "events", sortOptions = false,
    description = {
        "List the stored events, one per line, in the order their articles were stored.",
        "jsonl lines carry the ACLED-like columns of `vigil export --format csv`.",
    })
final class EventsCommand implements Callable<Integer> {
  enum Format { text, jsonl }

  @Mixin DataDirOption data;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text or jsonl (default: ${DEFAULT-VALUE}).")
  Format format;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    long[] n = new long[1];
    try (Store store = Store.open(data.dir)) {
      store.forEachArticle(a -> {
        for (EventRow e : EventRow.of(a)) {
          n[0]++;
          if (format == Format.jsonl) {
            out.println(Json.write(e));
          } else {
            out.printf(Locale.ROOT, "%-10s %-28s %-9s %s%s%n",
                e.eventDate() == null ? "undated" : e.eventDate(), e.vigilType(), e.modality(),
                e.location() == null ? "" : e.location() + ": ",
                e.articleTitle() == null ? e.articleId() : e.articleTitle());
          }
        }
      });
    }
    if (format == Format.text) {
      out.printf(Locale.ROOT, "%,d events%n", n[0]);
    }
    return ExitCodes.OK;
  }
}
