package dev.vigil.store;

/** The fields of an article a list shows. */
public record ArticleSummary(
    String id, String title, String source, String published, String language, String url,
    String ingested, String lead) {}
