package dev.vigil.stories;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Articles;
import dev.vigil.sources.SourceRegistry;
import dev.vigil.store.Marking;
import dev.vigil.store.Store;
import dev.vigil.store.Visibility;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stored story's clustering profile is made from all its articles, hidden ones included, so
 * an audience that sees a story only in part must not see it listed as related: the relation
 * could rest on what the hidden reports say.
 */
class RelatedStoriesVisibilityTest {
  @Test
  void aStoryTheAudienceSeesOnlyInPartIsNotListedAsRelated(@TempDir Path dir) {
    String seizure = "Tajik border guards seized 300 kilograms of Afghan opium and heroin from smugglers"
        + " who crossed the Panj river into Badakhshan, the border service said.";
    String laboratory = "Tajik border guards destroyed an Afghan heroin laboratory used by opium smugglers"
        + " who crossed the Panj river into Badakhshan, the border service said on Friday.";
    try (Store store = Store.open(dir)) {
      store.write(List.of(
          Articles.of("a1", "Opium and heroin seized on the Panj", seizure, "2025-03-01"),
          Articles.of("a2", "Border guards seize opium and heroin on the Panj", seizure + " The smugglers fled.", "2025-03-01"),
          Articles.of("b1", "Heroin laboratory destroyed near the Panj", laboratory, "2025-03-20")));
      store.write(List.of(Articles.of("b2", "Heroin laboratory near the Panj destroyed",
          laboratory + " Two smugglers were detained.", "2025-03-20")), Marking.of("AMBER", "beta"));
      StoryUpdater.standard().catchUp(store);
      long a = store.stories().storyOf("a1").orElseThrow();
      long b = store.stories().storyOf("b1").orElseThrow();
      assertThat(store.stories().storyOf("a2")).contains(a);
      assertThat(store.stories().storyOf("b2")).contains(b);
      assertThat(a).isNotEqualTo(b);
      SourcePriors priors = SourcePriors.of(SourceRegistry.load(dir));

      // everyone's view, and beta's (it sees both of b's reports): b is related to a
      assertThat(related(store, priors, Visibility.ALL, a)).contains(b);
      assertThat(related(store, priors, Visibility.of("beta"), a)).contains(b);
      // alpha sees b through b1 only; b's profile holds b2's words, so no relation is shown
      assertThat(related(store, priors, Visibility.of("alpha"), a)).doesNotContain(b);
      assertThat(related(store, priors, Visibility.of("alpha"), b)).isEmpty();
    }
  }

  static List<Long> related(Store store, SourcePriors priors, Visibility v, long story) {
    List<StoryReport> reports = StoryReports.load(store, true, priors, v);
    return RelatedStories.load(store, reports, !v.everything()).of(story, 5).stream()
        .map(RelatedStories.Related::id).toList();
  }
}
