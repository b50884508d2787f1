package dev.vigil.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhoenixDictionariesTest {
  static List<Actor> actors() throws Exception {
    return PhoenixDictionaries.read(fixtureDir());
  }

  static Path fixtureDir() throws URISyntaxException {
    return Path.of(PhoenixDictionariesTest.class.getResource("/fixtures/kb/phoenix").toURI());
  }

  static Actor named(List<Actor> actors, String name) {
    return actors.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow(
        () -> new AssertionError("no actor named " + name + " in " + actors));
  }

  @Test
  void officialsComeWithTheirDatedRoles() throws Exception {
    Actor karzai = named(actors(), "Hamid Karzai");
    assertThat(karzai.type()).isEqualTo("person");
    assertThat(karzai.country()).isEqualTo("AF");
    assertThat(karzai.aliases()).contains("Karzai", "President Karzai");
    assertThat(karzai.roles()).contains(new Role("AFG elite", "1975-01-01", "2000-01-01"),
        new Role("AFG government", "2001-12-22", null));
  }

  @Test
  void countriesAreLeftToTheGazetteer() throws Exception {
    assertThat(actors()).noneMatch(a -> a.name().equals("Tajikistan"));
  }

  @Test
  void institutionsGroupsAndIgosGetTheirTypes() throws Exception {
    List<Actor> actors = actors();
    assertThat(named(actors, "Afghan National Security Forces").type()).isEqualTo("government");
    assertThat(named(actors, "Afghan National Security Forces").aliases()).contains("ANSF");
    assertThat(named(actors, "Armed Islamic Group").type()).isEqualTo("armed_group");
    assertThat(named(actors, "Armed Islamic Group").country()).isEqualTo("DZ");
    assertThat(named(actors, "UNDP").type()).isEqualTo("igo");
    assertThat(named(actors, "Kofi Annan").type()).isEqualTo("person");
    assertThat(named(actors, "Kofi Annan").roles())
        .contains(new Role("IGO United Nations", "1997-01-01", "2006-12-31"));
  }

  @Test
  void idsAreUniqueSlugs() throws Exception {
    List<Actor> actors = actors();
    assertThat(actors.stream().map(Actor::id).distinct().count()).isEqualTo(actors.size());
    assertThat(named(actors, "Hamid Karzai").id()).isEqualTo("hamid-karzai");
  }
}
