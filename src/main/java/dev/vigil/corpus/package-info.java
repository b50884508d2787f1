/**
 * Project tools for the bundled data: reading the Tehran Times crawl (cleaning its repeated
 * trailing paragraphs) and selecting the demo corpus from it. Used by the hidden
 * {@code vigil corpus} command and by {@code vigil bench}; not part of the ingest path.
 */
package dev.vigil.corpus;
