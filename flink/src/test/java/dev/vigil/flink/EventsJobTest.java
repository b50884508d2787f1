package dev.vigil.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.export.EventRow;
import dev.vigil.model.Failure;
import dev.vigil.model.RawDocument;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The events job on a local Flink MiniCluster (one TaskManager, two slots): the two seed
 * reports (plain text, bundled in the vigil jar) and a captured news page (HTML) go through
 * Vigil's real stages on two parallel analysis tasks; a document without an article comes out
 * as a failure while the others go on.
 */
class EventsJobTest {
  private static final int SLOTS = 2;

  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1)
          .setNumberSlotsPerTaskManager(SLOTS)
          .build());

  @Test
  void seedReportsAndANewsPageBecomeTypedEventsAndABadDocumentAFailure() throws Exception {
    List<RawDocument> docs = List.of(
        text("shoigu-cis-security-council.txt", resource("/demo/seeds/shoigu-cis-security-council.txt")),
        text("shoigu-tajik-afghan-border-page.txt",
            resource("/demo/seeds/shoigu-tajik-afghan-border-page.txt")),
        new RawDocument("syria-refugees.html", null, RawDocument.Format.HTML,
            gunzip(resource("/fixtures/html/syria-refugees.html.gz")), RawDocument.Given.NONE),
        text("empty.txt", new byte[0]));

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    Configuration noKryo = new Configuration();
    noKryo.set(PipelineOptions.GENERIC_TYPES, false); // every record must have a Flink serializer
    env.configure(noKryo);
    DataStream<RawDocument> source = env.fromData(docs).name("fixture documents");
    SingleOutputStreamOperator<EventRow> events = EventsJob.events(source, SLOTS);
    CloseableIterator<EventRow> eventRows = events.collectAsync();
    CloseableIterator<Failure> failureRows = events.getSideOutput(AnalyzeFunction.FAILURES)
        .collectAsync();
    env.execute("vigil events on fixtures");

    List<EventRow> rows = drain(eventRows);
    List<Failure> failures = drain(failureRows);

    // the Tajik-Afghan border page: the alleged attacks on Chinese nationals in Badakhshan
    // and the Taliban's denial
    assertThat(rows).anySatisfy(r -> {
      assertThat(r.articleTitle()).contains("Tajikistan-Afghanistan Border");
      assertThat(r.vigilType()).isEqualTo("air_drone_strike");
      assertThat(r.modality()).isEqualTo("alleged");
      assertThat(r.location()).contains("Badakhshan");
      assertThat(r.country()).isEqualTo("TJ");
    });
    assertThat(rows).anySatisfy(r -> {
      assertThat(r.vigilType()).isEqualTo("denial");
      assertThat(r.notes()).startsWith("Taliban officials have denied these claims");
    });
    // the CIS Security Council report: Shoigu's warning
    assertThat(rows).anySatisfy(r -> {
      assertThat(r.articleTitle()).startsWith("Russia on Wednesday sounded the alarm");
      assertThat(r.vigilType()).isEqualTo("threat_warning");
    });
    // the HTML page: extracted (title, outlet and date from the page) and its accusation dated
    // from the text ("published Oct. 25")
    assertThat(rows).anySatisfy(r -> {
      assertThat(r.articleTitle()).isEqualTo(
          "Russia and Syria: U.S.-backed Syrian Forces Blocking Refugee Return");
      assertThat(r.source()).isEqualTo("POLYGRAPH.info");
      assertThat(r.published()).isEqualTo("2019-11-18");
      assertThat(r.vigilType()).isEqualTo("accusation");
      assertThat(r.eventDate()).isEqualTo("2019-10-25");
      assertThat(r.country()).isEqualTo("SY");
    });
    assertThat(rows).extracting(EventRow::articleId).doesNotContainNull();
    assertThat(rows.stream().map(EventRow::articleId).distinct()).hasSize(3);

    assertThat(failures).singleElement().satisfies(f -> {
      assertThat(f.stage()).isEqualTo("extract");
      assertThat(f.origin()).isEqualTo("empty.txt");
      assertThat(f.reason()).isNotBlank();
    });
  }

  private static RawDocument text(String name, byte[] content) {
    return new RawDocument(name, null, RawDocument.Format.TEXT, content, RawDocument.Given.NONE);
  }

  private static byte[] resource(String path) throws IOException {
    try (InputStream in = EventsJobTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return in.readAllBytes();
    }
  }

  private static byte[] gunzip(byte[] gz) throws IOException {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }

  private static <T> List<T> drain(CloseableIterator<T> it) throws Exception {
    List<T> all = new ArrayList<>();
    try (it) {
      it.forEachRemaining(all::add);
    }
    return all;
  }
}
