package dev.vigil.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Related stories from profiles: shared actors, places, terms and threads; common keys ignored. */
class RelatedStoriesTest {
  static StoryProfile profile(List<String> terms, List<String> actors, List<String> places) {
    Map<String, Double> t = new HashMap<>();
    terms.forEach(x -> t.put(x, 1.0));
    Map<String, Integer> a = new HashMap<>();
    actors.forEach(x -> a.put(x, 2));
    Map<String, Integer> p = new HashMap<>();
    places.forEach(x -> p.put(x, 2));
    return new StoryProfile(t, null, a, p);
  }

  static RelatedStories.Entry entry(long id, Long thread, StoryProfile p) {
    return new RelatedStories.Entry(id, thread, "Story " + id, p);
  }

  static List<RelatedStories.Entry> corpus() {
    return List.of(
        entry(1, null, profile(List.of("opium", "heroin", "seized", "border"), List.of("taliban"), List.of("kabul", "badakhshan"))),
        entry(2, null, profile(List.of("opium", "heroin", "laboratory", "raid"), List.of("taliban"), List.of("badakhshan"))),
        entry(3, null, profile(List.of("sanctions", "brussels", "oil"), List.of("european-union"), List.of("brussels"))),
        entry(4, 7L, profile(List.of("election", "parliament"), List.of(), List.of("tehran"))),
        entry(5, 7L, profile(List.of("opium", "farmers"), List.of(), List.of("helmand"))));
  }

  @Test
  void storiesSharingActorsPlacesAndTermsAreRelatedWithTheReason() {
    List<RelatedStories.Related> related = RelatedStories.of(corpus()).of(1, 5);
    assertThat(related).extracting(RelatedStories.Related::id).startsWith(2L).doesNotContain(1L, 3L);
    RelatedStories.Related best = related.get(0);
    assertThat(best.reason()).contains("shares Taliban, Badakhshan").contains("similar terms (heroin, opium");
    assertThat(best.score()).isGreaterThan(0.3).isLessThanOrEqualTo(1.0);
  }

  @Test
  void theSameThreadRelatesStoriesThatShareNothingElse() {
    List<RelatedStories.Related> related = RelatedStories.of(corpus()).of(4, 5);
    assertThat(related).extracting(RelatedStories.Related::id).containsExactly(5L);
    assertThat(related.get(0).reason()).isEqualTo("same thread");
  }

  @Test
  void anUnrelatedStoryHasNoRelatedStories() {
    assertThat(RelatedStories.of(corpus()).of(3, 5)).isEmpty();
    assertThat(RelatedStories.of(corpus()).of(99, 5)).isEmpty();
  }

  @Test
  void aKeyThatEveryStoryHasDoesNotMakeThemRelated() {
    List<RelatedStories.Entry> stories = new ArrayList<>();
    for (long i = 0; i < 200; i++) { // an Iranian daily: Iran everywhere, nothing else shared
      stories.add(entry(i, null, profile(List.of("topic" + i, "word" + i), List.of("iran-government"), List.of("iran"))));
    }
    stories.add(entry(500, null, profile(List.of("topic1", "word1"), List.of("iran-government"), List.of("iran"))));
    List<RelatedStories.Related> related = RelatedStories.of(stories).of(1, 5);
    assertThat(related).extracting(RelatedStories.Related::id).containsExactly(500L);
    assertThat(RelatedStories.of(stories).of(2, 5)).isEmpty();
  }

  @Test
  void atMostKAreReturnedBestFirst() {
    List<RelatedStories.Entry> stories = new ArrayList<>();
    for (long i = 0; i < 20; i++) {
      List<String> terms = new ArrayList<>(List.of("opium", "heroin"));
      for (int j = 0; j < i; j++) {
        terms.add("extra" + j); // each later story is diluted a little more
      }
      stories.add(entry(i, null, profile(terms, List.of("taliban"), List.of("badakhshan"))));
    }
    List<RelatedStories.Related> related = RelatedStories.of(stories).of(0, 3);
    assertThat(related).extracting(RelatedStories.Related::id).containsExactly(1L, 2L, 3L);
  }
}
