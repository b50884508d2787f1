/**
 * Event extraction: typed, dated, placed events with their actors, modality and counts, the
 * article's categories with their evidence, and links from denials to the claims they deny.
 *
 * <p>The rules are data: pattern files under {@code src/main/resources/events/} (types, trigger
 * patterns, modality cues, count words, number words, category cues), read by {@link
 * dev.vigil.events.EventRules} and interpreted by {@link dev.vigil.events.EventExtractor}. The
 * dependency parse is asked for only for sentences that carry a trigger.
 */
package dev.vigil.events;
