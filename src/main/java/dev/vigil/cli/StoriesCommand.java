package dev.vigil.cli;

import dev.vigil.internal.Json;
import dev.vigil.stories.MergedEvent;
import dev.vigil.stories.SourceReliability;
import dev.vigil.stories.StoryReport;
import dev.vigil.stories.StoryReports;
import dev.vigil.stories.StoryUpdater;
import dev.vigil.store.Store;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vigil stories}: the stored stories with summaries, events, grades and sources. */
@Command(mixinStandardHelpOptions = true, name = "stories", sortOptions = false,
    description = {
        "List stories, latest first: title, summary, articles, timeline, top actors and",
        "places, merged events with their Admiralty grade and denials, and the sources'",
        "reliability. jsonl lines are {\"id\",\"title\",\"summary\",\"articles\":[ids],...}.",
    })
final class StoriesCommand implements Callable<Integer> {
  enum Format { text, jsonl }

  @Mixin DataDirOption data;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text or jsonl (one story per line).")
  Format format;

  @Option(names = "--all", description = "Include stories of one article.")
  boolean all;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Store store = Store.open(data.dir)) {
      store.catchUpIndex(n -> {});
      StoryUpdater.standard().catchUp(store); // articles another process stored but did not assign
      List<StoryReport> stories = StoryReports.load(store, all, Components.sourcePriors(data.dir));
      if (format == Format.jsonl) {
        stories.forEach(s -> out.println(Json.write(s)));
        return ExitCodes.OK;
      }
      out.printf(Locale.ROOT, "%d stor%s%s%n", stories.size(), stories.size() == 1 ? "y" : "ies",
          all ? "" : " of two or more articles (--all shows every story)");
      for (StoryReport s : stories) {
        printText(out, s);
      }
      return ExitCodes.OK;
    }
  }

  private static void printText(PrintWriter out, StoryReport s) {
    out.println();
    out.printf(Locale.ROOT, "Story %d: %s%n", s.id(), s.title());
    out.printf(Locale.ROOT, "  %d article%s, %s .. %s, thread %s%n", s.articles().size(),
        s.articles().size() == 1 ? "" : "s", s.first(), s.last(), s.thread());
    s.summarySentences().forEach(line -> out.println("  | " + line));
    if (!s.actors().isEmpty()) {
      out.println("  actors: " + counts(s.actors()));
    }
    if (!s.places().isEmpty()) {
      out.println("  places: " + counts(s.places()));
    }
    out.println("  timeline:");
    for (StoryReport.TimelineEntry t : s.timeline()) {
      out.printf(Locale.ROOT, "    %s  %s%s%n", t.date(),
          t.source() != null ? t.source() + ": " : "", t.text() == null ? t.article() : t.text());
    }
    for (MergedEvent e : s.events()) {
      out.printf(Locale.ROOT, "  event %s%s%s: %d report%s, %d independent; %s%n", e.type(),
          e.date() != null ? " " + e.date() : "",
          e.place() != null && e.place().name() != null ? " in " + e.place().name() : "",
          e.reports().size(), e.reports().size() == 1 ? "" : "s", e.independentSources(),
          e.grade() == null ? "" : e.grade().explanation());
      for (MergedEvent.Denial d : e.denials()) {
        out.printf(Locale.ROOT, "    denied%s: %s%n", d.by() != null ? " by " + d.by() : "", d.sentence());
      }
    }
    for (SourceReliability.Rating r : s.sources()) {
      out.printf(Locale.ROOT, "  source %s: %s (%s)%n", r.source(), r.label(), r.reason());
    }
  }

  private static String counts(List<StoryReport.Count> counts) {
    return counts.stream().map(c -> c.name() + " (" + c.articles() + ")").collect(Collectors.joining(", "));
  }
}
