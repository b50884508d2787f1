package dev.vigil.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GazetteerTest {
  private final Gazetteer gazetteer = Gazetteer.bundled();

  @Test
  void aCityLiesInTheRegionItsCodeNames() {
    // GeoNames and the regions' source code Iran's provinces differently (GeoNames 26 is
    // Tehran, ISO IR-26 Qazvin); the build maps the codes by the cities both sources list
    for (String[] cityAndRegion : new String[][] {{"Tehran", "Tehran"}, {"Kermanshah", "Kermanshah"},
        {"Hamadan", "Hamadan"}, {"Urmia", "West Azarbaijan"}, {"Kabul", "Kabul"}, {"Dushanbe", "Dushanbe"}}) {
      Place city = gazetteer.lookup(cityAndRegion[0]).stream().filter(p -> p.kind().equals("city"))
          .max(java.util.Comparator.comparingLong(Place::population)).orElseThrow();
      Place region = gazetteer.admin1(city.country(), city.admin1());
      assertThat(region).as(cityAndRegion[0]).isNotNull();
      assertThat(region.name()).as(cityAndRegion[0]).contains(cityAndRegion[1]);
      assertThat(city.distanceKm(region)).as(cityAndRegion[0]).isLessThan(Math.max(2 * region.radiusKm(), 100));
    }
  }

  @Test
  void findsCountriesRegionsAndCitiesByName() {
    assertThat(gazetteer.lookup("Tajikistan")).anySatisfy(p -> {
      assertThat(p.kind()).isEqualTo("country");
      assertThat(p.country()).isEqualTo("TJ");
      assertThat(p.radiusKm()).isBetween(150.0, 300.0); // from its 143,100 km2
    });
    assertThat(gazetteer.lookup("Khatlon")).anySatisfy(p -> {
      assertThat(p.kind()).isEqualTo("admin1");
      assertThat(p.country()).isEqualTo("TJ");
    });
    assertThat(gazetteer.lookup("kabul")).anySatisfy(p -> {
      assertThat(p.kind()).isEqualTo("city");
      assertThat(p.country()).isEqualTo("AF");
      assertThat(p.population()).isGreaterThan(1_000_000);
    });
  }

  @Test
  void provincesAreFoundUnderTheSpellingsReportingUses() {
    for (String[] spellingAndProvince : new String[][] {{"Paktiya", "Paktia"}, {"Nimroz", "Nimruz"},
        {"Maidan Wardak", "Wardak"}, {"Uruzgan", "Urozgan"}, {"Sogd", "Sughd"}, {"GBAO", "Gorno-Badakhshan"},
        {"Baluchistan", "Balochistan"}}) {
      assertThat(gazetteer.lookup(spellingAndProvince[0])).as(spellingAndProvince[0])
          .anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo("admin1");
            assertThat(p.name()).isEqualTo(spellingAndProvince[1]);
          });
    }
  }

  @Test
  void badakhshanIsARegionOfBothAfghanistanAndTajikistan() {
    List<String> countries = gazetteer.lookup("Badakhshan").stream()
        .filter(p -> p.kind().equals("admin1")).map(Place::country).distinct().toList();
    assertThat(countries).contains("AF", "TJ");
  }

  @Test
  void citiesOfCountriesMissingFromCountriesStatesCitiesComeFromGeoNames() {
    assertThat(gazetteer.lookup("Moscow")).anySatisfy(p -> {
      assertThat(p.kind()).isEqualTo("city");
      assertThat(p.country()).isEqualTo("RU");
      assertThat(p.population()).isGreaterThan(10_000_000);
    });
    assertThat(gazetteer.lookup("Washington, D.C.")).singleElement()
        .satisfies(p -> assertThat(p.country()).isEqualTo("US"));
  }

  @Test
  void ignoresCaseAccentsAndHyphens() {
    assertThat(Gazetteer.normalize("Gorno–Badakhshan")).isEqualTo("gorno badakhshan");
    assertThat(Gazetteer.normalize("Québec ")).isEqualTo("quebec");
    assertThat(gazetteer.lookup("GORNO BADAKHSHAN")).isNotEmpty();
  }

  @Test
  void readsRussianPersianAndArabicNames() {
    assertThat(gazetteer.lookup("Таджикистан")).anySatisfy(p -> assertThat(p.country()).isEqualTo("TJ"));
    assertThat(gazetteer.lookup("افغانستان")).anySatisfy(p -> assertThat(p.country()).isEqualTo("AF"));
  }

  @Test
  void mapsDemonymsAndAliasesToCountries() {
    assertThat(gazetteer.demonym("Tajik").country()).isEqualTo("TJ");
    assertThat(gazetteer.demonym("Afghan").country()).isEqualTo("AF");
    assertThat(gazetteer.demonym("Russian").country()).isEqualTo("RU");
    assertThat(gazetteer.demonym("Afghans")).isNull();
    assertThat(gazetteer.lookup("U.S.")).anySatisfy(p -> assertThat(p.kind()).isEqualTo("country"));
    assertThat(gazetteer.lookup("Ky.")).singleElement()
        .satisfies(p -> assertThat(p.name()).isEqualTo("Kentucky"));
  }

  @Test
  void curatedBordersAreKeyedByTheirTwoCountries() {
    Place border = gazetteer.lookup("border:AF:TJ").get(0);
    assertThat(border.kind()).isEqualTo("region");
    assertThat(gazetteer.isCurated(border)).isTrue();
    assertThat(gazetteer.lookup("Afghan-Tajik border")).containsExactly(border);
    assertThat(gazetteer.lookup("Durand Line")).singleElement()
        .satisfies(p -> assertThat(p.name()).isEqualTo("Afghan-Pakistan border"));
  }

  @Test
  void tellsMainNamesFromAliases() {
    Place dc = gazetteer.lookup("Washington, D.C.").get(0);
    assertThat(Gazetteer.isMainName(dc, "Washington")).isTrue();
    assertThat(Gazetteer.isMainName(dc, "District of Columbia")).isFalse();
  }

  @Test
  void holdsEveryKindOfPlace() {
    java.util.Map<String, Long> kinds = gazetteer.places().stream()
        .collect(java.util.stream.Collectors.groupingBy(Place::kind, java.util.stream.Collectors.counting()));
    assertThat(kinds.get("country")).isGreaterThanOrEqualTo(250);
    assertThat(kinds.get("admin1")).isGreaterThan(5_000);
    assertThat(kinds.get("admin2")).isGreaterThan(5_000);
    assertThat(kinds.get("city")).isGreaterThan(130_000);
    assertThat(kinds.get("region")).isGreaterThan(50);
  }

  @Test
  void measuresDistances() {
    assertThat(Place.distanceKm(38.56, 68.77, 34.53, 69.17)).isBetween(440.0, 460.0); // Dushanbe-Kabul
  }
}
