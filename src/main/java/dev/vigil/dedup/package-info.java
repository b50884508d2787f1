/**
 * Deduplication: canonical URLs ({@link dev.vigil.dedup.UrlCanonicalizer}), and near-duplicate
 * detection by MinHash over word shingles with LSH banding
 * ({@link dev.vigil.dedup.Fingerprint}, {@link dev.vigil.dedup.NearDuplicateIndex}), so that a
 * syndicated or lightly edited copy is linked to the article it copies instead of counting as
 * an independent report.
 */
package dev.vigil.dedup;
