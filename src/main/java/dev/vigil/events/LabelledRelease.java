package dev.vigil.events;

import java.util.List;

/**
 * One line of a labelled press-release file (src/test/resources/events/isaf-press-releases.jsonl):
 * a dated operational press release and the labels of the event it reports: the day it began,
 * the provinces (dataset names and ISO 3166-2 codes) and the minimum numbers killed and
 * captured, as the data set counts them.
 */
public record LabelledRelease(String id, String split, String ref, String published,
    String publishedFrom, String text, String startDate, List<String> eventTypes,
    List<String> provinces, List<String> provinceCodes, int minKilled, int minCaptured) {
  public LabelledRelease {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("no text");
    }
    eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
    provinces = provinces == null ? List.of() : List.copyOf(provinces);
    provinceCodes = provinceCodes == null ? List.of() : List.copyOf(provinceCodes);
  }
}
