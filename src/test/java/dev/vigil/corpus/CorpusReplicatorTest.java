package dev.vigil.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.geo.Place;
import dev.vigil.kb.Actor;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CorpusReplicatorTest {
  private static final Actor KHATAMI = new Actor("mohammad-khatami", "Mohammad Khatami", "person", "IR",
      List.of(), List.of(), "curated");
  private static final Actor KARZAI = new Actor("hamid-karzai", "Hamid Karzai", "person", "AF",
      List.of(), List.of(), "curated");
  private static final Place TEHRAN = new Place(1, "city", "Tehran", "IR", null, 35.69, 51.39, 8_000_000, 30);
  private static final Place KABUL = new Place(2, "city", "Kabul", "AF", null, 34.53, 69.17, 4_000_000, 20);

  private static final List<CorpusArticle> SOURCES = List.of(
      new CorpusArticle("tt-1", "https://www.tehrantimes.com/news/1/a", "Mohammad Khatami visits Kabul",
          "Mohammad Khatami arrived in Kabul on Monday. He met officials. Talks covered trade.\n\n"
              + "The visit ends on Wednesday. Officials in Tehran welcomed it.", "Tehran Times"),
      new CorpusArticle("tt-2", "https://www.tehrantimes.com/news/2/b", "Border trade grows",
          "Trade across the border grew last year. Hamid Karzai praised the traders. Prices fell.",
          "Tehran Times"));

  private static CorpusReplicator replicator() {
    return new CorpusReplicator(SOURCES, List.of(KHATAMI, KARZAI), List.of(TEHRAN, KABUL),
        LocalDate.of(2003, 1, 1), LocalDate.of(2005, 12, 31), 7);
  }

  @Test
  void roundZeroIsTheSourceWithItsNamesFound() {
    CorpusReplicator.Replica r = replicator().replica(0);
    assertThat(r.article().id()).isEqualTo("tt-1");
    assertThat(r.published()).isEqualTo(LocalDate.of(2003, 1, 1));
    assertThat(r.article().text()).contains("He met officials. Talks covered trade.");
    // every name put in is a known actor or place, and stands in the text
    for (CorpusReplicator.Mention m : r.mentions()) {
      assertThat(r.article().title() + " " + r.article().text()).contains(m.text());
      assertThat(Set.of("Mohammad Khatami", "Hamid Karzai", "Tehran", "Kabul")).contains(m.text());
    }
    assertThat(r.mentions()).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void laterRoundsHaveNewIdsUrlsAndDatesWithinHalfAYear() {
    CorpusReplicator replicator = replicator();
    Set<String> ids = new HashSet<>();
    for (long n = 0; n < 40; n++) {
      CorpusReplicator.Replica r = replicator.replica(n);
      assertThat(ids.add(r.article().id())).as("id %s is new", r.article().id()).isTrue();
      if (n >= 2) {
        assertThat(r.article().url()).startsWith("https://replica" + n / 2 + ".invalid/news/");
        LocalDate base = n % 2 == 0 ? LocalDate.of(2003, 1, 1) : LocalDate.of(2005, 12, 31);
        assertThat(Math.abs(r.published().toEpochDay() - base.toEpochDay())).isLessThanOrEqualTo(182);
      }
    }
  }

  @Test
  void aReplicaIsAFunctionOfItsNumber() {
    assertThat(replicator().replica(17)).isEqualTo(replicator().replica(17));
    assertThat(replicator().replica(17).article().text()).isNotEqualTo(replicator().replica(19).article().text());
  }

  @Test
  void namesAreSwappedConsistentlyWithinAnArticle() {
    CorpusReplicator replicator = replicator();
    boolean swapped = false;
    for (long n = 2; n < 60; n += 2) {
      CorpusReplicator.Replica r = replicator.replica(n);
      String title = r.article().title();
      String city = title.substring(title.lastIndexOf(' ') + 1);
      // the visited city in the title is the one the lead names
      assertThat(r.article().text()).contains("arrived in " + city);
      swapped |= !title.equals(SOURCES.get(0).title());
    }
    assertThat(swapped).isTrue();
  }

  @Test
  void sentencesKeepParagraphBreaks() {
    assertThat(CorpusReplicator.split("One here. Two there.\n\nThree now."))
        .containsExactly("One here.", "Two there.", "\n\n", "Three now.");
  }
}
