package dev.vigil.flink;

import dev.vigil.export.EventRow;
import dev.vigil.extract.ExtractionException;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Failure;
import dev.vigil.model.RawDocument;
import dev.vigil.pipeline.ArticleAnalysis;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * One raw document through extract, annotate, entity linking, places and events; emits one
 * {@link EventRow} per event found. A document that holds no article, or that a stage fails
 * on, goes to {@link #FAILURES} with its origin and the reason, and the stream goes on (a stage
 * never loses the batch).
 *
 * <p>Stateless: it may run at any parallelism and be rescaled freely. The models are loaded in
 * {@link #open} (not in the constructor, which runs on the client) and shared per JVM.
 */
public final class AnalyzeFunction extends ProcessFunction<RawDocument, EventRow> {
  private static final long serialVersionUID = 1L;

  /** Documents that were not analysed, with the stage and the reason. */
  public static final OutputTag<Failure> FAILURES = new OutputTag<>("failures") { };

  private transient ArticleAnalysis analysis;
  private transient Counter analysed;
  private transient Counter failed;

  @Override
  public void open(OpenContext context) {
    analysis = AnalysisModels.get();
    analysed = getRuntimeContext().getMetricGroup().counter("articlesAnalysed");
    failed = getRuntimeContext().getMetricGroup().counter("articlesFailed");
  }

  @Override
  public void processElement(RawDocument doc, Context ctx, Collector<EventRow> out) {
    AnalyzedArticle article;
    try {
      article = analysis.analyze(doc, null);
    } catch (ExtractionException e) {
      failed.inc();
      ctx.output(FAILURES, new Failure("extract", doc.origin(), doc.line(), e.getMessage()));
      return;
    } catch (RuntimeException e) { // a stage's bug on one odd text must not restart the job
      failed.inc();
      ctx.output(FAILURES, new Failure("analyze", doc.origin(), doc.line(), String.valueOf(e)));
      return;
    }
    analysed.inc();
    for (EventRow row : EventRow.of(article)) {
      out.collect(row);
    }
  }
}
