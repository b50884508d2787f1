package dev.vigil.corpus;

import java.util.Objects;

/** One cleaned article of a corpus, in the shape of a {@code .jsonl} ingest record. */
public record CorpusArticle(String id, String url, String title, String text, String source) {
  public CorpusArticle {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
  }
}
