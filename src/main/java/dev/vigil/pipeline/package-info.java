/**
 * Composes the stages: a raw document is extracted, given a stable identity, annotated and
 * written to the store. {@link dev.vigil.pipeline.IngestPipeline} runs this over many inputs
 * with worker threads, bounded queues and batched, crash-safe writes.
 */
package dev.vigil.pipeline;
