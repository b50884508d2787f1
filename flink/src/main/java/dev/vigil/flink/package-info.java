/**
 * Vigil's analysis stages as an Apache Flink job: raw documents in, typed events (one flat row
 * per event) out, and the documents no stage could handle on a side output. The stages are
 * Vigil's own ({@link dev.vigil.pipeline.ArticleAnalysis}: extract, annotate with CoreNLP,
 * link actors, resolve places, type events); this package only wires them into a dataflow.
 * See {@code docs/scale.md} for the deployment it belongs to (Kafka in, OpenSearch and
 * PostgreSQL out, story clustering as keyed state).
 */
package dev.vigil.flink;
