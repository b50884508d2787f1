package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.Articles;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Article;
import dev.vigil.store.Marking;
import dev.vigil.store.Store;
import dev.vigil.store.Visibility;
import dev.vigil.stories.SourcePriors;
import dev.vigil.stories.StoryUpdater;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watchlist's story filters (minSources, minGrade) are evaluated as its owner: articles of
 * another organisation that the owner may not see must not move them.
 */
class StoryAlertContextTest {
  @TempDir Path dir;

  /** The border clash as {@code source} reported it, in its own words {@code text}. */
  static AnalyzedArticle from(String id, String source, String text) {
    AnalyzedArticle a = Articles.placed(id);
    Article x = a.article();
    return new AnalyzedArticle(new Article(id, null, source, x.title(), null, x.published(),
        x.language(), text, "test:" + id, x.ingested()), a.annotations());
  }

  @Test
  void hiddenArticlesDoNotCountAsSourcesForAnOwnerWhoCannotSeeThem() {
    try (Store store = Store.open(dir)) {
      store.write(List.of(from("pub-1", "Asia-Plus", "Tajik border guards clashed with smugglers"
          + " in Khatlon on Monday, officials in Dushanbe said.")));
      store.write(List.of(
          from("beta-1", "Beta Field Team", "Our team saw a patrol of Tajik border guards fight"
              + " drug smugglers near the Panj river in Khatlon on Monday night."),
          from("beta-2", "Beta Patrol Log", "Smugglers crossing from Afghanistan exchanged fire"
              + " with border troops in the Farkhor district of Khatlon on Monday.")),
          Marking.of("AMBER", "beta"));
      StoryUpdater.standard().catchUp(store);
      long story = store.stories().storyOf("pub-1").orElseThrow();
      assertThat(store.stories().articlesOf(story)).contains("beta-1", "beta-2");
      StoryAlertContext context = new StoryAlertContext(store, SourcePriors.NONE);
      String id = context.storyId("pub-1");

      assertThat(context.independentSources(id, Visibility.ALL)).isEqualTo(3);
      assertThat(context.independentSources(id, Visibility.of("beta"))).isEqualTo(3);
      assertThat(context.independentSources(id, Visibility.of("alpha")))
          .as("alpha sees one outlet only").isEqualTo(1);
    }
  }
}
