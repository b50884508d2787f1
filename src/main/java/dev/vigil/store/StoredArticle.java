package dev.vigil.store;

import dev.vigil.model.Annotations;
import dev.vigil.model.Article;

/**
 * An article as stored, with its annotations, the number of its last write and its TLP marking
 * and owning organisation.
 */
public record StoredArticle(Article article, Annotations annotations, long changeSeq, Marking marking) {}
