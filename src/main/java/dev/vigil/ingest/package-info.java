/**
 * The fetch stage for local input: turns files and folders ({@code .txt}, {@code .html},
 * {@code .jsonl}, each optionally gzipped) into {@link dev.vigil.model.RawDocument}s, and
 * reports every input it cannot read as a {@link dev.vigil.model.Failure} with its path, line
 * and reason instead of stopping.
 */
package dev.vigil.ingest;
