/**
 * JMH benchmarks of Vigil's hot functions, on captured inputs: main-content extraction of a
 * news page, near-duplicate fingerprints, the CoreNLP annotator and the stages after it (actor
 * linking, geocoding, event rules), search over a small store, and story assignment. Run by
 * hand (docs/jmh.md); not part of the test suite.
 */
package dev.vigil.jmh;
