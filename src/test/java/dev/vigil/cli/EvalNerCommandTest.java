package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.EntityMention;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scoring of {@code vigil eval ner} on a wikigold excerpt (CC BY 4.0, see NOTICE). */
class EvalNerCommandTest {
  private static Path excerpt() throws Exception {
    return Path.of(EvalNerCommandTest.class.getResource("/fixtures/ner/wikigold-excerpt.conll").toURI());
  }

  /** The gold phrases as entity mentions: what a perfect recogniser would output. */
  private static List<EntityMention> perfect(EvalNerCommand.Doc d) {
    Map<String, String> types = Map.of("PER", "PERSON", "ORG", "ORGANIZATION", "LOC", "LOCATION",
        "MISC", "MISC");
    List<EntityMention> out = new ArrayList<>();
    for (EvalNerCommand.Phrase p : d.gold()) {
      int start = d.starts()[p.first()];
      int end = d.ends()[p.last()];
      out.add(new EntityMention(d.text().substring(start, end), types.get(p.type()), null, null,
          start, end));
    }
    return out;
  }

  @Test
  void readsDocumentsTokensAndIob1Phrases() throws Exception {
    List<EvalNerCommand.Doc> docs = EvalNerCommand.read(excerpt());
    assertThat(docs).hasSize(3);
    EvalNerCommand.Doc first = docs.get(0);
    assertThat(first.text()).startsWith("010 is the tenth album from Japanese Punk Techno band");
    assertThat(first.gold().get(0)).isEqualTo(new EvalNerCommand.Phrase(0, 0, "MISC"));
    assertThat(first.text().substring(first.starts()[0], first.ends()[0])).isEqualTo("010");
  }

  @Test
  void aPerfectRecogniserScoresOneAndAMissCountsAsFalseNegative() throws Exception {
    Map<String, int[]> counts = new HashMap<>();
    for (EvalNerCommand.Doc d : EvalNerCommand.read(excerpt())) {
      EvalNerCommand.score(d, perfect(d), counts);
    }
    assertThat(counts.values()).allSatisfy(c -> assertThat(c[1] + c[2]).isZero());
    EvalNerCommand.Doc d = EvalNerCommand.read(excerpt()).get(0);
    List<EntityMention> oneWrong = new ArrayList<>(perfect(d));
    EntityMention first = oneWrong.remove(0);
    oneWrong.add(new EntityMention(first.text(), "PERSON", null, null, first.start(), first.end()));
    Map<String, int[]> wrong = new HashMap<>();
    EvalNerCommand.score(d, oneWrong, wrong);
    assertThat(wrong.get("MISC")[2]).isEqualTo(1);
    assertThat(wrong.get("PER")[1]).isEqualTo(1);
  }

  @Test
  void otherLabelSetsAreMappedOrLeftOut(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("re3d.conll");
    Files.writeString(file, String.join("\n", "Boris\tB-Person", "Johnson\tI-Person", "met\tO",
        "Iraqi\tB-Nationality", "officials\tO", "with\tO", "Scud\tB-Weapon", "missiles\tI-Weapon",
        "in\tO", "Baghdad\tB-Location", ".\tO", ""));
    EvalNerCommand.Doc d = EvalNerCommand.read(file).get(0);
    assertThat(d.gold()).containsExactly(new EvalNerCommand.Phrase(0, 1, "PER"),
        new EvalNerCommand.Phrase(3, 3, "MISC"), new EvalNerCommand.Phrase(9, 9, "LOC"));
    assertThat(d.ignored()).containsExactly(new EvalNerCommand.Phrase(6, 7, null));
  }
}
