package dev.vigil.cli;

import dev.vigil.alerts.StoryContext;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Article;
import dev.vigil.store.Store;
import dev.vigil.store.Visibility;
import dev.vigil.stories.Independence;
import dev.vigil.stories.MergedEvent;
import dev.vigil.stories.SourcePriors;
import dev.vigil.stories.StoryReport;
import dev.vigil.stories.StoryReports;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What alerts know of stories, from the story clustering and the source registry: an alert is
 * per story, "independent sources" discounts copies, wire credits and common owners, and the
 * grade is the best Admiralty grade among the story's merged events.
 */
final class StoryAlertContext implements StoryContext {
  private static final String PREFIX = "story-";

  private final Store store;
  private final SourcePriors priors;

  StoryAlertContext(Store store, SourcePriors priors) {
    this.store = store;
    this.priors = priors;
  }

  @Override
  public String storyId(String articleId) {
    return store.stories().storyOf(articleId).map(id -> PREFIX + id).orElse(articleId);
  }

  @Override
  public int independentSources(String storyId, Visibility v) {
    List<AnalyzedArticle> articles = articles(storyId, v);
    if (articles.size() < 2) {
      return 1;
    }
    List<Article> plain = articles.stream().map(AnalyzedArticle::article).toList();
    return Math.max(1, new Independence(plain, priors)
        .groups(plain.stream().map(Article::id).toList()).size());
  }

  @Override
  public String reliability(String source) {
    return source == null ? "Unrated"
        : priors.prior(source).map(SourcePriors.Prior::label).orElse("Unrated");
  }

  @Override
  public String grade(String storyId, Visibility v) {
    Optional<Long> id = storyNumber(storyId);
    List<AnalyzedArticle> articles = articles(storyId, v);
    if (id.isEmpty() || articles.isEmpty()) {
      return null;
    }
    List<StoryReport> reports = StoryReports.build(
        List.of(new StoryReports.StoryInput(id.get(), null, articles)), priors);
    return reports.stream().flatMap(r -> r.events().stream()).map(MergedEvent::grade)
        .filter(g -> g != null)
        .min(Comparator.comparing(MergedEvent.Grade::code)).map(MergedEvent.Grade::code)
        .orElse(null);
  }

  /** The story's articles that {@code v} may see. */
  private List<AnalyzedArticle> articles(String storyId, Visibility v) {
    Optional<Long> id = storyNumber(storyId);
    List<AnalyzedArticle> out = new ArrayList<>();
    List<String> ids = id.isPresent() ? store.stories().articlesOf(id.get()) : List.of(storyId);
    for (String articleId : ids) {
      store.articles().get(articleId).filter(a -> v.allows(a.marking()))
          .ifPresent(a -> out.add(new AnalyzedArticle(a.article(), a.annotations())));
    }
    return out;
  }

  private static Optional<Long> storyNumber(String storyId) {
    if (storyId.startsWith(PREFIX)) {
      try {
        return Optional.of(Long.parseLong(storyId.substring(PREFIX.length())));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
