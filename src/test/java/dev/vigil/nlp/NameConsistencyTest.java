package dev.vigil.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.EntityMention;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameConsistencyTest {
  private static EntityMention at(String text, String surface, String type, int from) {
    int start = text.indexOf(surface, from);
    return new EntityMention(surface, type, null, null, start, start + surface.length());
  }

  @Test
  void aSurnameAfterTheFullNameIsThatPerson() {
    String text = "Prime Minister John Major met the press. Talks, said Major, went well.\n"
        + "Major said nothing more.";
    List<EntityMention> out = NameConsistency.apply(text, List.of(at(text, "John Major", "PERSON", 0)));
    assertThat(out).extracting(EntityMention::text, EntityMention::type, EntityMention::start)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("John Major", "PERSON", 15),
            org.assertj.core.groups.Tuple.tuple("Major", "PERSON", text.indexOf("Major,")));
    // "Major" opening a line may be the adjective: left alone
  }

  @Test
  void aNameTakesTheTypeMostOfItsMentionsHave() {
    String text = "1. Pernilla Wiberg (Sweden) 2. Pernilla Wiberg again 3. Pernilla Wiberg";
    List<EntityMention> out = NameConsistency.apply(text, List.of(
        at(text, "Pernilla Wiberg", "LOCATION", 0),
        at(text, "Pernilla Wiberg", "PERSON", 20),
        at(text, "Pernilla Wiberg", "PERSON", 40)));
    assertThat(out).extracting(EntityMention::type).containsExactly("PERSON", "PERSON", "PERSON");
  }

  @Test
  void aMissedRepeatOfALongerNameIsFoundButNotInsideAnother() {
    String text = "The Security Council met. Later the Security Council voted; the UN Security Council Report said so.";
    List<EntityMention> out = NameConsistency.apply(text, List.of(
        at(text, "Security Council", "ORGANIZATION", 0),
        at(text, "UN Security Council Report", "ORGANIZATION", 0)));
    assertThat(out).extracting(EntityMention::text).containsExactly(
        "Security Council", "Security Council", "UN Security Council Report");
  }

  @Test
  void nothingToDoGivesTheSameList() {
    List<EntityMention> none = List.of();
    assertThat(NameConsistency.apply("no names here", none)).isSameAs(none);
  }
}
