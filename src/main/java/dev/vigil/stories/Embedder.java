package dev.vigil.stories;

/** Turns a short text into a unit-length vector whose cosine tracks meaning. */
public interface Embedder {
  float[] embed(String text);
}
