package dev.vigil.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActorBaseTest {
  static ActorBase base;

  @BeforeAll
  static void load() {
    base = ActorBase.bundled();
  }

  private static List<String> ids(String name) {
    return base.lookup(name).stream().map(Actor::id).toList();
  }

  @Test
  void analystEntriesLayOverTheBaseAndWriteAsKbYaml() throws Exception {
    ActorBase base = ActorBase.of(List.of(new Actor("khatlon-guards", "Khatlon Border Guards",
        "government", "TJ", List.of(), List.of("Khatlon Border Guards"), "curated")));
    Actor edit = new Actor("khatlon-guards-x", "Khatlon Border Guards", "government", null,
        List.of(new Role("Border unit", "2020", null)),
        List.of("Khatlon Border Guards", "Пограничники Хатлона"), "analyst");
    ActorBase over = base.with(List.of(edit));
    assertThat(base.lookup("Пограничники Хатлона")).isEmpty(); // the base is left as it was
    Actor a = over.lookup("Пограничники Хатлона").get(0);
    assertThat(a.id()).isEqualTo("khatlon-guards-x");
    assertThat(a.country()).as("same name: absorbs the old entry").isEqualTo("TJ");
    assertThat(over.get("khatlon-guards")).isNull();
    java.io.StringWriter yaml = new java.io.StringWriter();
    ActorBase.writeYaml(List.of(a), yaml);
    Actor back = ActorBase.readYaml(new java.io.ByteArrayInputStream(
        yaml.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)), "test", "user").get(0);
    assertThat(back.aliases()).containsExactlyElementsOf(a.aliases());
    assertThat(back.roles()).isEqualTo(a.roles());
    assertThat(back.country()).isEqualTo("TJ");
  }

  @Test
  void holdsThePhoenixOfficialsAndTheCuratedRegion() {
    assertThat(base.size()).isGreaterThan(20_000);
    assertThat(ids("Hamid Karzai")).containsExactly("hamid-karzai");
    assertThat(ids("CSTO")).containsExactly("csto");
  }

  @Test
  void isisKGoesByItsNamesInThreeScripts() {
    for (String name : List.of("ISIS-K", "ISKP", "Islamic State Khorasan Province",
        "Islamic State-Khorasan", "islamic state khorasan", "ИГИЛ-Хорасан", "ولاية خراسان")) {
      assertThat(ids(name)).as(name).containsExactly("isis-k");
    }
  }

  @Test
  void bodiesThePhoenixDictionariesListTwiceAreOneEntry() {
    // "The United Nations" and "United Nations" were two entries; an article's wording chose one
    assertThat(base.get("the-united-nations")).isNull();
    assertThat(ids("The United Nations")).containsExactly(ids("United Nations").toArray(new String[0]));
    assertThat(ids("United Nations")).hasSize(1);
    assertThat(ids("The European Union")).isEqualTo(ids("European Union"));
    assertThat(base.get(ids("United Nations").get(0)).aliases()).contains("The United Nations", "United Nations");
    // a person named "The ..." is not folded into an organisation, nor the other way round
    java.util.Map<String, Actor> m = new java.util.LinkedHashMap<>();
    m.put("hunger", new Actor("hunger", "Hunger Project", "igo", null, List.of(), List.of("Hunger Project"), "phoenix"));
    m.put("the-hunger", new Actor("the-hunger", "The Hunger Project", "igo", null, List.of(), List.of("The Hunger Project"), "phoenix"));
    m.put("the-rock", new Actor("the-rock", "The Rock", "person", "US", List.of(), List.of("The Rock"), "phoenix"));
    m.put("rock", new Actor("rock", "Rock", "igo", null, List.of(), List.of("Rock"), "phoenix"));
    ActorBase.foldLeadingThe(m);
    assertThat(m).containsOnlyKeys("hunger", "the-rock", "rock");
    assertThat(m.get("hunger").aliases()).containsExactly("Hunger Project", "The Hunger Project");
  }

  @Test
  void theIslamicEmirateIsTheTaliban() {
    assertThat(ids("Islamic Emirate of Afghanistan")).containsExactly("taliban");
    assertThat(ids("Taliban government")).containsExactly("taliban");
    assertThat(ids("Талибан")).containsExactly("taliban");
  }

  @Test
  void aCuratedEntryTakesOverThePhoenixEntryOfTheSameName() {
    Actor taliban = base.get("taliban");
    assertThat(taliban.source()).isEqualTo("curated");
    assertThat(taliban.aliases()).contains("Taleban");
    assertThat(base.actors()).filteredOn(a -> a.name().equals("Taliban")).hasSize(1);
  }

  @Test
  void shoiguIsSecretaryOfTheSecurityCouncilSince2024() {
    Actor shoigu = base.get("sergei-shoigu");
    assertThat(shoigu.type()).isEqualTo("person");
    assertThat(shoigu.roles()).filteredOn(r -> r.heldOn("2025-11-20")).extracting(Role::title)
        .containsExactly("Secretary of the Security Council of Russia");
    assertThat(shoigu.roles()).filteredOn(r -> r.heldOn("2020-01-01")).extracting(Role::title)
        .containsExactly("Minister of Defence of Russia");
  }

  @Test
  void aUsersKbYamlAddsAndReplacesEntries(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(ActorBase.USER_FILE), """
        actors:
          - name: Khatlon Border Detachment
            type: government
            country: TJ
            aliases: [Khatlon border detachment, Хатлонский погранотряд]
          - id: interfax
            name: Interfax Group
            type: media
        """);
    ActorBase withUser = ActorBase.load(dir);
    assertThat(withUser.lookup("Хатлонский погранотряд")).extracting(Actor::id)
        .containsExactly("khatlon-border-detachment");
    assertThat(withUser.get("interfax").name()).isEqualTo("Interfax Group");
    assertThat(withUser.get("interfax").source()).isEqualTo("user");
    assertThat(withUser.size()).isEqualTo(base.size() + 1);
  }

  @Test
  void aBadKbYamlIsRejectedNamingTheFileAndEntry(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(ActorBase.USER_FILE), """
        actors:
          - name: Somebody
            type: hero
        """);
    assertThatThrownBy(() -> ActorBase.load(dir)).isInstanceOf(KbException.class)
        .hasMessageContaining("kb.yaml").hasMessageContaining("actors[0] (Somebody)")
        .hasMessageContaining("unknown actor type hero");
    Files.writeString(dir.resolve(ActorBase.USER_FILE), "actors:\n  - name: X\n    rank: 3\n");
    assertThatThrownBy(() -> ActorBase.load(dir)).hasMessageContaining("unknown key \"rank\"");
  }

  @Test
  void theCompactFormRoundTrips(@TempDir Path dir) throws Exception {
    List<Actor> actors = PhoenixDictionariesTest.actors();
    Path file = dir.resolve("actors.tsv.gz");
    ActorBase.writeTsv(actors, file);
    try (var in = Files.newInputStream(file)) {
      assertThat(ActorBase.readTsv(in)).isEqualTo(actors);
    }
  }
}
