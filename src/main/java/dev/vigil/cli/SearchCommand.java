package dev.vigil.cli;

import dev.vigil.internal.Json;
import dev.vigil.store.SearchQuery;
import dev.vigil.store.SearchResults;
import dev.vigil.store.Store;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil search}: hits with snippets. */
@Command(mixinStandardHelpOptions = true, name = "search", sortOptions = false,
    description = {
        "Search stored articles; print the hits with snippets.",
        "Lucene syntax: all words must match unless OR is written; \"exact phrase\";",
        "-exclude; fields title:, text:, source:, language:, published:2024-11,",
        "published:[2024 TO 2025-06].",
    })
final class SearchCommand implements Callable<Integer> {
  enum Format { text, jsonl }

  @Mixin DataDirOption data;

  @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "relevance",
      description = "relevance or newest (default: ${DEFAULT-VALUE}).")
  SearchQuery.Order sort;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Hits to show (1-100).")
  int limit;

  @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Hits to skip.")
  int offset;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text or jsonl (one hit per line, then nothing else).")
  Format format;

  @Parameters(paramLabel = "QUERY", arity = "1..*", description = "The query; several words are joined.")
  List<String> words;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String query = String.join(" ", words);
    SearchQuery q;
    try {
      q = new SearchQuery(query, sort, offset, limit, false);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    try (Store store = Store.open(data.dir)) {
      store.catchUpIndex(n -> {});
      SearchResults results = store.index().search(q);
      if (format == Format.jsonl) {
        results.hits().forEach(h -> out.println(Json.write(h)));
        return ExitCodes.OK;
      }
      out.printf(Locale.ROOT, "%s%,d article%s match %s%s%n", results.totalExact() ? "" : "at least ",
          results.total(),
          results.total() == 1 ? "" : "s", query,
          sort == SearchQuery.Order.NEWEST ? " (newest first)" : "");
      long lag = store.indexLag();
      if (lag > 0) {
        out.printf(Locale.ROOT, "(the index is %,d articles behind the store; a running server is catching up)%n", lag);
      }
      int rank = offset;
      for (SearchResults.Hit h : results.hits()) {
        out.println();
        out.printf(Locale.ROOT, "%d. %s%n", ++rank, h.title() == null ? h.id() : h.title());
        StringBuilder meta = new StringBuilder("   ");
        if (h.source() != null) {
          meta.append(h.source()).append(" · ");
        }
        meta.append(h.published() == null ? "date unknown" : h.published());
        meta.append(" · id ").append(h.id());
        out.println(meta);
        if (!h.snippet().isEmpty()) {
          out.println("   " + h.snippet());
        }
      }
      return ExitCodes.OK;
    }
  }
}
