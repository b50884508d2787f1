package dev.vigil.stories;

import java.util.ArrayList;
import java.util.List;

/** Turns a short text into a unit-length vector whose cosine tracks meaning. */
public interface Embedder {
  float[] embed(String text);

  /**
   * The vectors of {@code texts}, in order. Implementations batch the texts when one call for
   * many is cheaper than many calls for one (a neural model is).
   */
  default List<float[]> embedAll(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      out.add(embed(t));
    }
    return out;
  }
}
