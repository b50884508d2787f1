/**
 * Exports: articles and their events in the formats analysts' tools read. CSV with ACLED-like
 * columns (spreadsheets, pandas, R), GeoJSON (QGIS, web maps), JSON Lines (articles with all
 * annotations) and STIX 2.1 bundles (OpenCTI, MISP). Every exporter streams: it writes each
 * article as it comes and holds nothing but the current one (and, for STIX, the ids of shared
 * objects already written), so an export of any size runs in constant memory.
 */
package dev.vigil.export;
