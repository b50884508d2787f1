package dev.vigil.flink;

import dev.vigil.export.EventRow;
import dev.vigil.model.RawDocument;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The dataflow from raw documents to events: documents are spread round-robin over the
 * analysis tasks (analysis is stateless and costs about the same per article, so no key is
 * needed), each task runs Vigil's stages, and events come out as flat rows. Failures are on
 * the returned operator's side output {@link AnalyzeFunction#FAILURES}.
 *
 * <p>The source and sinks are the caller's: a test feeds fixture documents; a deployment reads
 * a Kafka topic of articles and writes events to Kafka, OpenSearch and PostgreSQL
 * (docs/scale.md).
 */
public final class EventsJob {
  private EventsJob() {
  }

  /**
   * @param parallelism how many analysis tasks; each needs one core's worth of CPU
   */
  public static SingleOutputStreamOperator<EventRow> events(DataStream<RawDocument> documents,
      int parallelism) {
    return documents
        .rebalance()
        .process(new AnalyzeFunction())
        .name("extract-annotate-link-geo-events")
        .uid("analyze")
        .setParallelism(parallelism);
  }
}
