package dev.vigil.kb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.EntityMention;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The linker on mentions as CoreNLP gave them for the seed reports (offsets into the sentence
 * under test).
 */
class EntityLinkerTest {
  static EntityLinker linker;

  @BeforeAll
  static void load() {
    linker = new EntityLinker(ActorBase.bundled());
  }

  private static EntityMention mention(String text, String surface, String type) {
    int start = text.indexOf(surface);
    return new EntityMention(surface, type, null, null, start, start + surface.length());
  }

  private static List<EntityMention> link(String text, EntityMention... mentions) {
    return linker.link(text, List.of(mentions), "2025-11-20");
  }

  @Test
  void aSplitNameBecomesOneLinkedOrganisation() {
    String text = "the growing footprint of Islamic State-Khorasan (ISIS-K) in Afghanistan";
    List<EntityMention> out = link(text, mention(text, "Islamic State", "ORGANIZATION"),
        mention(text, "Khorasan", "LOCATION"), mention(text, "Afghanistan", "LOCATION"));
    assertThat(out).extracting(EntityMention::text)
        .containsExactly("Islamic State-Khorasan", "ISIS-K", "Afghanistan");
    assertThat(out.get(0).type()).isEqualTo("ORGANIZATION");
    assertThat(out.get(0).id()).isEqualTo("isis-k");
    assertThat(out.get(1).id()).isEqualTo("isis-k"); // missed by the recogniser, found in the KB
    assertThat(out.get(2).id()).isNull(); // places are the gazetteer's
  }

  @Test
  void aWrongTypeIsCorrected() {
    String text = "sanctions on the Islamic Emirate, the team said";
    List<EntityMention> out = link(text, mention(text, "Islamic Emirate", "LOCATION"));
    assertThat(out).singleElement().satisfies(e -> {
      assertThat(e.type()).isEqualTo("ORGANIZATION");
      assertThat(e.id()).isEqualTo("taliban");
      assertThat(e.name()).isEqualTo("Taliban");
    });
  }

  @Test
  void pageFurnitureGluedToANameIsCutOff() {
    String text = "ReliableIslamic Emirate of Afghanistan Rejects Pakistan's Allegations";
    List<EntityMention> out = link(text,
        mention(text, "ReliableIslamic Emirate of Afghanistan", "ORGANIZATION"),
        mention(text, "Pakistan", "LOCATION"));
    assertThat(out.get(0).text()).isEqualTo("Islamic Emirate of Afghanistan");
    assertThat(out.get(0).start()).isEqualTo(8);
    assertThat(out.get(0).id()).isEqualTo("taliban");
  }

  @Test
  void aSurnameAfterAFullNameIsTheSamePerson() {
    String text = "Sergei Shoigu spoke. Shoigu said the border is the main challenge.";
    List<EntityMention> out = link(text, mention(text, "Sergei Shoigu", "PERSON"),
        new EntityMention("Shoigu", "PERSON", null, null, 21, 27));
    assertThat(out).extracting(EntityMention::id).containsExactly("sergei-shoigu", "sergei-shoigu");
    assertThat(out.get(1).name()).isEqualTo("Sergei Shoigu");
  }

  @Test
  void aSurnameOfSomeoneUnknownStaysUnlinked() {
    // "Sharif" alone would be Shehbaz Sharif's surname, but here it is Saidi Sharif's
    String text = "Saidi Sharif met officials. Sharif discussed trade.";
    List<EntityMention> out = link(text, mention(text, "Saidi Sharif", "PERSON"),
        new EntityMention("Sharif", "PERSON", null, null, 28, 34));
    assertThat(out).extracting(EntityMention::id).containsOnlyNulls();
  }

  @Test
  void acronymsAliasesAndOtherScriptsLink() {
    String text = "ОДКБ и СНГ; Interfax news agency; Taliban Foreign Minister Amir Khan Muttaqi";
    List<EntityMention> out = link(text, mention(text, "Interfax", "ORGANIZATION"),
        mention(text, "Taliban", "ORGANIZATION"), mention(text, "Amir Khan Muttaqi", "PERSON"));
    assertThat(out).extracting(EntityMention::text).containsExactly("ОДКБ", "СНГ",
        "Interfax news agency", "Taliban", "Amir Khan Muttaqi");
    assertThat(out).extracting(EntityMention::id).containsExactly("csto", "cis", "interfax",
        "taliban", "amir-khan-muttaqi");
  }

  @Test
  void aPossessiveNamesTheMinistry() {
    String text = "The Islamic Emirate of Afghanistan's Ministry of Defense rejected the claims";
    List<EntityMention> out = link(text,
        mention(text, "Islamic Emirate of Afghanistan", "ORGANIZATION"),
        mention(text, "Ministry of Defense", "ORGANIZATION"));
    assertThat(out).extracting(EntityMention::id)
        .containsExactly("taliban", "afghanistan-defence-ministry");
  }

  @Test
  void namesOutsideTheBaseAndLowercaseWordsStayAsTheyAre() {
    String text = "Saidi Sharif met the taliban government and Ministry of Culture staff";
    EntityMention sharif = mention(text, "Saidi Sharif", "PERSON");
    EntityMention ministry = mention(text, "Ministry of Culture", "ORGANIZATION");
    assertThat(link(text, sharif, ministry)).containsExactly(sharif, ministry);
  }

  @Test
  void theArticleBeforeAnAliasIsNotPartOfTheName() {
    String text = "The European Union said the Security Council would meet.";
    List<EntityMention> out = link(text, mention(text, "European Union", "ORGANIZATION"),
        mention(text, "Security Council", "ORGANIZATION"));
    assertThat(out).extracting(EntityMention::text).containsExactly("European Union", "Security Council");
    assertThat(out.get(0).start()).isEqualTo(4);
    assertThat(out.get(0).id()).isNotNull();
  }

  @Test
  void emptyInputGivesNothing() {
    assertThat(linker.link("", List.of(), null)).isEmpty();
  }

  @Test
  void aRussianTextGetsTheActorsTheBaseKnowsByName() {
    String text = "Сергей Шойгу заявил, что ОДКБ укрепит таджикско-афганскую границу.";
    var tagged = new dev.vigil.model.TaggedText(text, "2025-11-20",
        dev.vigil.model.Annotations.empty("ru"), List.of());
    List<EntityMention> out = linker.apply(tagged).annotations().entities();
    assertThat(out).extracting(EntityMention::text).containsExactly("Сергей Шойгу", "ОДКБ");
    assertThat(out).extracting(EntityMention::type).containsExactly("PERSON", "ORGANIZATION");
    assertThat(out).extracting(EntityMention::id).containsExactly("sergei-shoigu", "csto");
  }

  @Test
  void inEnglishTextPeopleAreLeftToTheRecogniser() {
    String text = "Sergei Shoigu spoke.";
    assertThat(link(text)).isEmpty();
  }
}
