package dev.vigil.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordsTest {
  @Test
  void offsetsMustBeHalfOpenAndOrdered() {
    assertThatThrownBy(() -> new Sentence(5, 4)).hasMessageContaining("[5, 4)");
    assertThatThrownBy(() -> new Sentence(-1, 4)).hasMessageContaining("[-1, 4)");
    assertThat(new Sentence(3, 3).end()).isEqualTo(3);
  }

  @Test
  void annotationsMustLieInsideTheText() {
    Article a = article("abc", "Short text.");
    Annotations ann = new Annotations("en", List.of(new Sentence(0, 40)), List.of(), List.of(),
        List.of(), List.of(), List.of(), List.of());
    assertThatThrownBy(() -> new AnalyzedArticle(a, ann))
        .hasMessageContaining("[0, 40)").hasMessageContaining("11");
  }

  @Test
  void articleIdsAreChecked() {
    assertThatThrownBy(() -> article("has space", "t")).hasMessageContaining("has space");
    assertThatThrownBy(() -> article("../etc/passwd", "t")).hasMessageContaining("article id");
    assertThat(article("tt-100947", "t").id()).isEqualTo("tt-100947");
  }

  @Test
  void unknownTypesAreRejectedByName() {
    assertThatThrownBy(() -> new EntityMention("x", "THING", null, null, 0, 1)).hasMessageContaining("THING");
    assertThatThrownBy(() -> new PlaceMention("x", "x", "planet", null, 0.0, 0.0, null, 0, 1))
        .hasMessageContaining("planet");
    assertThatThrownBy(() -> new PlaceMention("x", "x", "city", null, 91.0, 0.0, null, 0, 1))
        .hasMessageContaining("91.0");
    assertThatThrownBy(() -> new Event("attack", "Attack", "rumoured", null, null, List.of(),
        null, null, null, "s", 0, 1, 0, null, null, null, null)).hasMessageContaining("rumoured");
  }

  @Test
  void failuresReadLikeCompilerErrors() {
    assertThat(new Failure("ingest", "a/b.jsonl", 17, "malformed JSON").toString())
        .isEqualTo("a/b.jsonl:17: malformed JSON");
    assertThat(new Failure("ingest", "a/b.txt", null, "empty file").toString())
        .isEqualTo("a/b.txt: empty file");
  }

  private static Article article(String id, String text) {
    return new Article(id, null, null, null, null, null, "en", text, "test", Instant.EPOCH);
  }
}
