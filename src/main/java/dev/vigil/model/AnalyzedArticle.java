package dev.vigil.model;

import java.util.Objects;

/** An article with its annotations, as it goes to the store. */
public record AnalyzedArticle(Article article, Annotations annotations) {
  public AnalyzedArticle {
    Objects.requireNonNull(article, "article");
    Objects.requireNonNull(annotations, "annotations");
    annotations.checkWithin(article.text().length());
  }
}
