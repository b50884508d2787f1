package dev.vigil.cli;

import dev.vigil.config.VigilConfig;
import dev.vigil.ingest.FileSource;
import dev.vigil.internal.ArticleJson;
import dev.vigil.internal.Json;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.IsoDates;
import dev.vigil.pipeline.ArticleAnalysis;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil analyze}: text or HTML in, one JSON line of article and annotations per document out. */
@Command(mixinStandardHelpOptions = true, name = "analyze", aliases = "analyse", sortOptions = false,
    description = {
        "Analyse files and print one JSON line per document.",
        "Each line is the article with its annotations (language, sentences, entities,",
        "places, times, quotes, events, categories); offsets are half-open character",
        "offsets into \"text\". Nothing is stored.",
    })
final class AnalyzeCommand implements Callable<Integer> {
  @Option(names = "--published", paramLabel = "ISO-DATE",
      description = "Publication date that relative dates resolve against (e.g. 2025-11-19).")
  String published;

  @Option(names = "--data", paramLabel = "DIR",
      description = "Data directory whose kb.yaml adds actors to the knowledge base (default: none).")
  Path dataDir;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = ".txt, .html, .jsonl files (optionally .gz).")
  List<Path> files;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (published != null && IsoDates.normalize(published) == null) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--published must be an ISO 8601 date like 2025-11-19, got: " + published);
    }
    String date = IsoDates.normalize(published);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ArticleAnalysis analysis = new Components(dataDir).analysis(null);
    int skipped = Inputs.forEach(files, new FileSource(VigilConfig.defaults().maxDocumentBytes()),
        "analyze", doc -> {
          AnalyzedArticle a = analysis.analyze(doc, date);
          out.println(Json.write(ArticleJson.of(doc.where(), a.article(), a.annotations())));
          out.flush();
        }, f -> err.println("vigil: skipped " + f));
    return skipped > 0 ? ExitCodes.SKIPPED : ExitCodes.OK;
  }
}
