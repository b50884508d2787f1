package dev.vigil.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.TestFiles;
import dev.vigil.model.Annotations;
import dev.vigil.model.Claim;
import dev.vigil.model.Event;
import dev.vigil.model.TaggedText;
import dev.vigil.nlp.Annotator;
import dev.vigil.nlp.CoreNlpAnnotator;
import dev.vigil.nlp.CoreNlpSentenceParser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The events stage on the two seed reports and on sentences of the kinds the issue names, with
 * the real CoreNLP annotator and dependency parser (loaded once for the class).
 */
class EventExtractorTest {
  static Annotator annotator;
  static EventExtractor extractor;

  @BeforeAll
  static void load() {
    annotator = new CoreNlpAnnotator(text -> "en");
    extractor = new EventExtractor(EventRules.load(), new CoreNlpSentenceParser());
  }

  static Annotations analyze(String text, String published) {
    TaggedText tagged = annotator.tag(text, "en", published);
    return extractor.apply(tagged).annotations();
  }

  static Optional<Event> find(Annotations a, String type, String sentenceContains) {
    return a.events().stream()
        .filter(e -> e.type().equals(type) && e.sentence().contains(sentenceContains))
        .findFirst();
  }

  static Event get(Annotations a, String type, String sentenceContains) {
    return find(a, type, sentenceContains).orElseThrow(() -> new AssertionError(
        "no " + type + " event in the sentence with '" + sentenceContains + "'; events: "
            + a.events().stream().map(e -> e.type() + "/" + e.modality() + " [" + e.trigger() + "]")
                .toList()));
  }

  @Test
  void borderSeedHasTheAllegedDroneAttacksInBadakhshanLastYear() {
    Annotations a = analyze(TestFiles.text(TestFiles.SEED_BORDER), "2025-11-20");
    Event attack = get(a, "air_drone_strike", "Chinese nationals");
    assertThat(attack.acled()).isEqualTo("Air/drone strike");
    assertThat(attack.modality()).isEqualTo("alleged");
    assertThat(attack.date()).isEqualTo("2024");
    assertThat(attack.place().name()).contains("Badakhshan");
    assertThat(attack.actors()).anySatisfy(actor -> {
      assertThat(actor.role()).isEqualTo("target");
      assertThat(actor.name()).contains("Chinese nationals");
    });
  }

  @Test
  void borderSeedHasCrossingsAndClashesWithTajikBorderGuards() {
    Annotations a = analyze(TestFiles.text(TestFiles.SEED_BORDER), "2025-11-20");
    Event crossing = get(a, "border_crossing", "illegal crossings");
    assertThat(crossing.modality()).isEqualTo("asserted");
    assertThat(crossing.place().name()).isEqualTo("Tajikistan-Afghanistan frontier");
    Event clash = get(a, "armed_clash", "Tajik border guards");
    assertThat(clash.acled()).isEqualTo("Armed clash");
    assertThat(clash.modality()).isEqualTo("asserted");
  }

  @Test
  void borderSeedHasTheProgrammeApprovedInNovember2024AndThePlannedConference() {
    Annotations a = analyze(TestFiles.text(TestFiles.SEED_BORDER), "2025-11-20");
    Event programme = get(a, "security_cooperation", "approved in November 2024");
    assertThat(programme.modality()).isEqualTo("asserted");
    assertThat(programme.date()).isEqualTo("2024-11");
    assertThat(programme.place().name()).isEqualTo("Tajik-Afghan border");
    Event conference = get(a, "diplomatic_meeting", "CSTO conference");
    assertThat(conference.modality()).isEqualTo("planned");
  }

  @Test
  void borderSeedLinksTheTalibanDenialToTheAllegedAttacks() {
    Annotations a = analyze(TestFiles.text(TestFiles.SEED_BORDER), "2025-11-20");
    Event attack = get(a, "air_drone_strike", "Chinese nationals");
    Event denial = get(a, "denial", "Taliban officials have denied");
    assertThat(denial.modality()).isEqualTo("asserted");
    assertThat(denial.denies()).isEqualTo(attack.id());
    assertThat(denial.actor("speaker")).contains("Taliban");
    Claim claim = Claim.ledger(a.events()).stream().filter(c -> c.event() == attack.id())
        .findFirst().orElseThrow();
    assertThat(claim.claimant()).contains("Tajik authorities");
    assertThat(claim.denials()).singleElement()
        .satisfies(d -> assertThat(d.sentence()).startsWith("Taliban officials have denied"));
  }

  @Test
  void aDenialAnswersTheClaimItNamesNotJustTheLatest() {
    Annotations a = analyze("Police said militants had allegedly attacked a checkpoint in Kunduz on Monday, killing"
        + " two policemen. Officials also accused smugglers of trafficking heroin across the river"
        + " into Tajikistan. The Taliban denied carrying out the attack on the Kunduz checkpoint.",
        "2024-05-08");
    Event denial = get(a, "denial", "Taliban denied");
    Event attack = a.events().stream().filter(e -> e.sentence().contains("checkpoint in Kunduz"))
        .findFirst().orElseThrow(() -> new AssertionError("no event for the attack: " + a.events()));
    assertThat(attack.modality()).isEqualTo("alleged");
    assertThat(denial.denies()).isEqualTo(attack.id());
  }

  @Test
  void cisSeedHasShoigusThreatWarningAndTheProgrammeBeingImplemented() {
    Annotations a = analyze(TestFiles.text(TestFiles.SEED_CIS), "2025-11-19");
    Event alarm = get(a, "threat_warning", "sounded the alarm");
    assertThat(alarm.modality()).isEqualTo("asserted");
    assertThat(alarm.date()).isEqualTo("2025-11-19");
    Event warning = get(a, "threat_warning", "cautioned");
    assertThat(warning.actor("speaker")).isNotNull();
    Event programme = get(a, "security_cooperation", "currently implementing");
    assertThat(programme.modality()).isEqualTo("asserted");
    assertThat(programme.place().name()).isEqualTo("Tajik-Afghan border");
    assertThat(a.categories()).contains("terrorism", "border_security", "security_cooperation");
    assertThat(a.categoryEvidence()).allSatisfy(e ->
        assertThat(TestFiles.text(TestFiles.SEED_CIS).substring(e.start(), e.end()))
            .isEqualTo(e.text()));
  }

  @Test
  void yesterdayIsTheDayBeforePublication() {
    Annotations a = analyze("Gunmen killed three police officers in Kandahar yesterday.", "2013-01-25");
    Event attack = get(a, "attack", "Gunmen");
    assertThat(attack.date()).isEqualTo("2013-01-24");
    assertThat(attack.killed()).isEqualTo(3);
    assertThat(attack.place().name()).isEqualTo("Kandahar");
  }

  @Test
  void aSentenceWithoutATimeHasNoDateRatherThanThePublicationDate() {
    Annotations a = analyze("Border guards arrested six smugglers in Herat province.", "2013-01-25");
    Event arrest = get(a, "arrest", "smugglers");
    assertThat(arrest.date()).isNull();
    assertThat(arrest.captured()).isEqualTo(6);
  }

  @Test
  void countsHandleAtLeastDozensAndWords() {
    Annotations a = analyze("At least 57 people were killed and dozens were wounded in the blast.",
        "2017-06-18");
    Event blast = get(a, "remote_explosive_ied", "blast");
    assertThat(blast.killed()).isEqualTo(57);
    assertThat(blast.injured()).isEqualTo(12);
    Annotations b = analyze("Police said more than 20 people were arrested and a dozen were injured.",
        null);
    assertThat(b.events()).anySatisfy(e -> assertThat(e.captured()).isEqualTo(20));
  }

  @Test
  void seizuresRecordTheAmount() {
    Annotations a = analyze("Police seized 590 kilos of heroin in the northwestern city of Tabriz.",
        null);
    Event seizure = get(a, "drug_trafficking", "heroin");
    assertThat(seizure.seized()).isEqualTo(new Event.Seizure(590, "kilos", "heroin"));
    assertThat(seizure.place().name()).isEqualTo("Tabriz");
  }

  @Test
  void modalityCues() {
    assertThat(get(analyze("A regional security conference is planned for March.", null),
        "diplomatic_meeting", "conference").modality()).isEqualTo("planned");
    assertThat(get(analyze("The militants could attack the convoy.", null), "attack", "convoy")
        .modality()).isEqualTo("hypothetical");
    assertThat(get(analyze("The army said it did not attack the village.", null), "attack",
        "village").modality()).isEqualTo("negated");
    assertThat(get(analyze("No group claimed responsibility for the bombing.", null),
        "responsibility_claim", "bombing").modality()).isEqualTo("negated");
  }

  @Test
  void questionsReportNoEvents() {
    assertThat(analyze("What is Syria's position towards recent military clashes in Libya?", null)
        .events()).isEmpty();
  }

  @Test
  void aQuantifiedNounNamesAKindOfEventNotOne() {
    assertThat(analyze("The ministry is ready to act as a facilitator for more prisoner swaps.", null)
        .events()).isEmpty();
    // a number after the quantifier counts: "more than 20 attacks" happened
    assertThat(analyze("Militants carried out more than 20 attacks in Kunduz last week.", null)
        .events()).extracting(Event::type).contains("attack");
  }

  @Test
  void textInOtherLanguagesPassesUnchanged() {
    TaggedText tagged = annotator.tag("Das ist ein Text.", "de", null);
    assertThat(extractor.apply(tagged)).isSameAs(tagged);
  }
}
