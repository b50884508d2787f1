package dev.vigil.stories;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process all-MiniLM-L6-v2 model (quantised, ONNX; 384 dimensions). Loaded on first use
 * (about a second and some 100 MB), so that commands which never embed do not pay for it.
 * Thread-safe.
 */
public final class MiniLmEmbedder implements Embedder {
  private static final Logger LOG = LoggerFactory.getLogger(MiniLmEmbedder.class);
  private EmbeddingModel model;
  private long loadMillis = -1;

  private synchronized EmbeddingModel model() {
    if (model == null) {
      long t = System.nanoTime();
      model = new AllMiniLmL6V2QuantizedEmbeddingModel();
      loadMillis = (System.nanoTime() - t) / 1_000_000;
      LOG.info("MiniLM embedding model loaded in {} ms", loadMillis);
    }
    return model;
  }

  /** How long the model took to load, or -1 if it has not been loaded. */
  public synchronized long loadMillis() {
    return loadMillis;
  }

  @Override
  public float[] embed(String text) {
    float[] v = model().embed(text.isBlank() ? "-" : text).content().vector();
    return Vectors.normalize(v);
  }
}
