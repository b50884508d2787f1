/**
 * The source registry: who each outlet is (country, languages, type, ownership) and the
 * reliability prior a user starts from. Shipped with the region's outlets
 * ({@code sources/sources.yaml}); a {@code sources.yaml} in the data directory adds to it and
 * overrides it. Articles are matched to sources by the domain of their URL
 * ({@link dev.vigil.sources.SourceLookup}).
 */
package dev.vigil.sources;
