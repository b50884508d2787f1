package dev.vigil.events;

/**
 * One line of a labelled event file (see src/test/resources/events/README.md): a sentence, the
 * date it was published, and the gold labels of its main event (all null when it reports none).
 */
public record LabelledSentence(String id, String split, String source, String published,
    String text, String type, String modality, String date, String place, Integer killed,
    Integer injured, Integer captured) {
  public LabelledSentence {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("no text");
    }
  }
}
