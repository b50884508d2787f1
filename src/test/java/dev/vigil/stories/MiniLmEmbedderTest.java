package dev.vigil.stories;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The batched MiniLM gives LangChain4j's vectors: exactly for one text, closely in a padded
 * batch (the int8 model quantises activations with ranges taken over the whole batch).
 */
class MiniLmEmbedderTest {
  private static final List<String> TEXTS = List.of(
      "Shoigu warns of militants infiltrating Central Asia from Afghanistan.",
      "CSTO approves a programme to fortify the Tajik-Afghan border",
      "Taliban deny that attacks on Chinese nationals in Badakhshan were organised from Afghan soil.",
      "Stocks fall",
      "Tehran hosts a regional conference on drug trafficking; delegates from Pakistan, Afghanistan "
          + "and Iran agreed on joint patrols along the border and on sharing intelligence about "
          + "smuggling routes through Sistan-Baluchestan province, officials said on Tuesday.");

  @Test
  void batchedVectorsMatchTheReferenceImplementation() {
    MiniLmEmbedder embedder = new MiniLmEmbedder();
    AllMiniLmL6V2QuantizedEmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
    List<float[]> batched = embedder.embedAll(TEXTS);
    assertThat(batched).hasSize(TEXTS.size());
    for (int i = 0; i < TEXTS.size(); i++) {
      float[] expected = Vectors.normalize(reference.embed(TEXTS.get(i)).content().vector());
      assertThat(batched.get(i)).hasSize(384);
      assertThat(Vectors.cosine(embedder.embed(TEXTS.get(i)), expected)).as(TEXTS.get(i)).isGreaterThan(0.9999);
      assertThat(Vectors.cosine(batched.get(i), expected)).as(TEXTS.get(i)).isGreaterThan(0.98);
    }
  }

  @Test
  void vectorsTrackMeaningAndComeBackInInputOrder() {
    List<String> texts = new ArrayList<>(TEXTS);
    List<float[]> v = new MiniLmEmbedder(2).embedAll(texts);
    // the border programme is nearer the infiltration warning than the stock market is
    assertThat(Vectors.cosine(v.get(1), v.get(0))).isGreaterThan(Vectors.cosine(v.get(3), v.get(0)) + 0.1);
    assertThat(Vectors.cosine(v.get(2), v.get(2))).isGreaterThan(0.999);
  }

  @Test
  void blankTextsStillGetAVectorAndLongTextsAreCapped() {
    String longText = "border ".repeat(2_000);
    List<float[]> v = new MiniLmEmbedder().embedAll(List.of("", "  ", longText));
    assertThat(v).hasSize(3).allSatisfy(x -> assertThat(x).hasSize(384));
    assertThat(Vectors.cosine(v.get(0), v.get(1))).isGreaterThan(0.999);
  }
}
