package dev.vigil.store;

import dev.vigil.model.Annotations;
import dev.vigil.model.Article;

/** An article as stored, with its annotations and the number of its last write. */
public record StoredArticle(Article article, Annotations annotations, long changeSeq) {}
