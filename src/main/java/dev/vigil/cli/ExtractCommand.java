package dev.vigil.cli;

import dev.vigil.config.VigilConfig;
import dev.vigil.ingest.FileSource;
import dev.vigil.internal.Json;
import dev.vigil.model.ExtractedArticle;
import dev.vigil.pipeline.ArticleAnalysis;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vigil extract}: HTML in, the article's text and metadata out. */
@Command(mixinStandardHelpOptions = true, name = "extract",
    description = {
        "Extract the article from HTML files; print one JSON line per file.",
        "Each line: {\"file\",\"url\",\"title\",\"byline\",\"published\",\"language\",",
        "\"body\"}, then \"modified\",\"siteName\",\"canonicalUrl\",\"image\".",
        ".html.gz is read as gzip.",
    })
final class ExtractCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", arity = "1..*", description = "HTML or text files.")
  List<Path> files;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ArticleAnalysis analysis = new Components().extractionOnly();
    int skipped = Inputs.forEach(files, new FileSource(VigilConfig.defaults().maxDocumentBytes()),
        "extract", doc -> {
          ExtractedArticle a = analysis.extract(doc);
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("file", doc.where());
          m.put("url", a.url());
          m.put("title", a.title());
          m.put("byline", a.byline());
          m.put("published", a.published());
          m.put("language", a.language());
          m.put("body", a.text());
          m.put("modified", a.modified());
          m.put("siteName", a.siteName());
          m.put("canonicalUrl", a.canonicalUrl());
          m.put("image", a.image());
          out.println(Json.write(m));
          out.flush();
        }, f -> err.println("vigil: skipped " + f));
    return skipped > 0 ? ExitCodes.SKIPPED : ExitCodes.OK;
  }
}
