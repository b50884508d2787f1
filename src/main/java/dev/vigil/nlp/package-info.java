/**
 * The annotate stage: finds what is in an article's text (language, sentences, and, as the
 * analysis deepens, entities, places, times and quotes) as
 * {@link dev.vigil.model.Annotations} with half-open character offsets into the text.
 */
package dev.vigil.nlp;
