package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.Articles;
import dev.vigil.team.Tlp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one visibility rule, in its three forms (in hand, Lucene filter, SQL predicate), on a real store. */
class VisibilityTest {
  @TempDir Path dir;

  @Test
  void sharedMarkingsAreForEveryoneTheRestForTheOwningOrganisation() {
    Visibility alpha = Visibility.of("alpha");
    assertThat(alpha.allows(Marking.CLEAR)).isTrue();
    assertThat(alpha.allows(new Marking(Tlp.GREEN, "beta"))).isTrue();
    for (Tlp t : List.of(Tlp.AMBER, Tlp.AMBER_STRICT, Tlp.RED)) {
      assertThat(alpha.allows(new Marking(t, "beta"))).as(t.label()).isFalse();
      assertThat(alpha.allows(new Marking(t, "alpha"))).as(t.label()).isTrue();
      assertThat(Visibility.ALL.allows(new Marking(t, "beta"))).isTrue();
    }
    assertThatThrownBy(() -> Marking.of("AMBER", null)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("organisation");
    assertThatThrownBy(() -> Marking.of("PURPLE", "alpha")).isInstanceOf(InvalidFieldException.class);
  }

  @Test
  void theIndexAndTheDatabaseAnswerWithTheSameRule() {
    try (Store store = Store.open(dir)) {
      store.write(List.of(Articles.placed("pub")));
      store.write(List.of(Articles.placed("b-amber")), Marking.of("AMBER", "beta"));
      store.write(List.of(Articles.placed("b-green")), Marking.of("GREEN", "beta"));
      store.write(List.of(Articles.placed("a-red")), Marking.of("RED", "alpha"));
      Visibility alpha = Visibility.of("alpha");
      assertThat(store.index().matchingIds("", alpha)).containsExactlyInAnyOrder("pub", "b-green", "a-red");
      assertThat(store.index().search(SearchQuery.of("khatlon"), alpha).total()).isEqualTo(3);
      assertThat(store.index().facets("", 10, alpha).total()).isEqualTo(3);
      assertThat(store.articles().count(alpha)).isEqualTo(3);
      assertThat(store.articles().latest(0, 10, alpha)).extracting(ArticleSummary::id)
          .containsExactlyInAnyOrder("pub", "b-green", "a-red");
      assertThat(store.mentions(alpha).eventCount(Mentions.EventFilter.ALL)).isEqualTo(3);
      assertThat(store.map(alpha).events(100)).extracting(MapData.EventPoint::articleId)
          .doesNotContain("b-amber");
      assertThat(store.articles().strictestMarking(Visibility.of("beta"))).isEqualTo(Tlp.AMBER);
      assertThat(store.index().matchingIds("", Visibility.ALL)).hasSize(4);
      // a marking change is audited and re-indexed through the change log
      assertThat(store.articles().mark("b-amber", Marking.of("GREEN", "beta"), new Editor("bob", "beta")))
          .contains(Marking.of("AMBER", "beta"));
      store.catchUpIndex(n -> {});
      assertThat(store.index().matchingIds("", alpha)).contains("b-amber");
      assertThat(store.analysts().audit("article", "b-amber", "beta", false, 0, 10))
          .extracting(AuditEntry::action).containsExactly("article.mark");
      // re-ingesting without a marking keeps it; a new one is public news
      store.write(List.of(Articles.of("b-amber", "changed", "Changed text.", "2025-01-01")));
      assertThat(store.articles().get("b-amber").orElseThrow().marking()).isEqualTo(Marking.of("GREEN", "beta"));
      assertThat(store.articles().get("pub").orElseThrow().marking()).isEqualTo(Marking.CLEAR);
    }
  }
}
