package dev.vigil.store;

import dev.vigil.model.Event;

/**
 * An analyst's correction of one extracted event, stored apart from the analysis. Null fields
 * leave the event's own value: {@code verdict} is {@code confirmed}, {@code disputed} or null;
 * {@code type}, {@code place} and {@code date} replace the extracted ones. {@code original} is
 * the event as extracted when it was first corrected; {@code spanStart}, {@code spanEnd} and
 * {@code trigger} find it again after re-analysis.
 */
public record EventCorrection(String articleId, int eventId, int spanStart, int spanEnd,
    String trigger, Event original, String verdict, String type, Event.Place place, String date,
    String reason, String updated, String updatedBy) {}
