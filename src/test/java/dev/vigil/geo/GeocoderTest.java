package dev.vigil.geo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.TestFiles;
import dev.vigil.model.PlaceMention;
import dev.vigil.nlp.Annotator;
import dev.vigil.nlp.CoreNlpAnnotator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The places stage on texts tagged by the real annotator. */
class GeocoderTest {
  static Annotator annotator;
  static final Geocoder GEOCODER = Geocoder.bundled();

  @BeforeAll
  static void load() {
    annotator = new CoreNlpAnnotator(text -> "en");
  }

  static List<PlaceMention> places(String text) {
    return GEOCODER.apply(annotator.tag(text, "en", "2025-11-20")).annotations().places();
  }

  /** The first place whose text is {@code text}, or starts with it ("Badakhshan province"). */
  static PlaceMention place(List<PlaceMention> places, String text) {
    return places.stream().filter(p -> p.text().equals(text)).findFirst()
        .or(() -> places.stream().filter(p -> p.text().startsWith(text)).findFirst())
        .orElseThrow(() -> new AssertionError("no place \"" + text + "\" in " + places));
  }

  static void near(PlaceMention p, String kind, String country, double lat, double lon, double km) {
    assertThat(p.kind()).as(p.text()).isEqualTo(kind);
    assertThat(p.country()).as(p.text()).isEqualTo(country);
    assertThat(Place.distanceKm(p.lat(), p.lon(), lat, lon)).as(p.text() + " error km")
        .isLessThan(km);
    assertThat(p.radiusKm()).as(p.text()).isNotNull().isPositive();
  }

  @Test
  void seedBorderPageResolvesTajikProvincesCapitalsAndTheBorder() {
    String text = TestFiles.text(TestFiles.SEED_BORDER);
    List<PlaceMention> places = places(text);
    near(place(places, "Tajikistan"), "country", "TJ", 38.9, 71.0, 100);
    near(place(places, "Badakhshan"), "admin1", "TJ", 38.4, 73.0, 120);
    near(place(places, "Khatlon"), "admin1", "TJ", 37.9, 69.3, 80);
    near(place(places, "Tajik-Afghan border"), "region", null, 37.4, 70.5, 200);
    near(place(places, "Tajikistan-Afghanistan border"), "region", null, 37.4, 70.5, 200);
    near(place(places, "Kabul"), "city", "AF", 34.53, 69.17, 20);
    near(place(places, "Islamabad"), "city", "PK", 33.72, 73.04, 20);
    near(place(places, "Washington"), "city", "US", 38.90, -77.04, 20);
    near(place(places, "Iran"), "country", "IR", 32.0, 53.0, 100);
    assertThat(places).as("Shanghai Cooperation Organization is not in Shanghai")
        .noneMatch(p -> p.text().equals("Shanghai"));
    PlaceMention border = place(places, "Tajik-Afghan border");
    assertThat(text.substring(border.start(), border.end())).isEqualTo("Tajik-Afghan border");
  }

  @Test
  void seedCisReportResolvesMoscowAndAfghanSoil() {
    List<PlaceMention> places = places(TestFiles.text(TestFiles.SEED_CIS));
    near(place(places, "Moscow"), "city", "RU", 55.75, 37.62, 20);
    near(place(places, "Afghanistan"), "country", "AF", 33.0, 65.0, 150);
    near(place(places, "Tajik-Afghan border"), "region", null, 37.4, 70.5, 200);
    assertThat(places).filteredOn(p -> p.text().equals("Afghan")).isNotEmpty()
        .allSatisfy(p -> assertThat(p.country()).isEqualTo("AF"));
  }

  @Test
  void aForeignCapitalInAOneCountryStoryIsKept() {
    // the story names only Russian places besides Dushanbe; a city this size is no misread name
    List<PlaceMention> places = places("Russia's foreign ministry in Moscow and officials in"
        + " St. Petersburg said on Monday that the talks would move to Dushanbe next week.");
    near(place(places, "Russia"), "country", "RU", 61.5, 105.3, 500);
    near(place(places, "St. Petersburg"), "city", "RU", 59.94, 30.31, 20);
    near(place(places, "Dushanbe"), "city", "TJ", 38.54, 68.78, 20);
  }

  @Test
  void badakhshanNextToFaizabadIsTheAfghanProvince() {
    List<PlaceMention> places = places(
        "Fighting was reported near Faizabad, the capital of Badakhshan province in northeastern"
        + " Afghanistan, on Monday.");
    near(place(places, "Badakhshan"), "admin1", "AF", 36.75, 71.0, 120);
    near(place(places, "Faizabad"), "city", "AF", 37.1, 70.6, 20);
  }

  @Test
  void badakhshanNextToKhatlonIsTheTajikRegion() {
    List<PlaceMention> places = places("Officials in Dushanbe said drones had struck targets in"
        + " Badakhshan and Khatlon last year.");
    near(place(places, "Badakhshan"), "admin1", "TJ", 38.4, 73.0, 120);
  }

  @Test
  void washingtonInUsPoliticsIsTheCapital() {
    List<PlaceMention> places = places("The U.S. Senate voted in Washington on Tuesday after"
        + " President Trump met Republican leaders at the White House.");
    near(place(places, "Washington"), "city", "US", 38.90, -77.04, 20);
  }

  @Test
  void georgiaIsTheStateAmongUsStatesAndTheCountryNextToTbilisi() {
    near(place(places("Voters in Georgia, Ohio and Texas went to the polls in the"
        + " U.S. midterm elections."), "Georgia"), "admin1", "US", 32.7, -83.4, 200);
    near(place(places("Protesters gathered in Tbilisi as Georgia's government met the"
        + " Russian envoy."), "Georgia"), "country", "GE", 42.0, 43.5, 150);
  }

  @Test
  void demonymsAreModifierPlacesNotPeople() {
    List<PlaceMention> places = places(
        "Tajik border guards stopped the group. The Afghans were sent back across the river.");
    near(place(places, "Tajik"), "country", "TJ", 38.9, 71.0, 100);
    assertThat(places).noneMatch(p -> p.text().equals("Afghans"));
  }

  @Test
  void demonymsTheRecogniserCallsMiscAreNationalities() {
    var entities = GEOCODER.apply(annotator.tag(
        "Tajik border guards stopped the group. The Afghans were sent back across the river.",
        "en", "2025-11-20")).annotations().entities();
    assertThat(entities).filteredOn(e -> e.text().equals("Tajik") || e.text().equals("Afghans"))
        .isNotEmpty().allSatisfy(e -> assertThat(e.type()).as(e.text()).isEqualTo("NATIONALITY"));
  }

  @Test
  void aCountyTheGazetteerLacksLiesAmongTheArticlesTownsOfItsState() {
    List<PlaceMention> places = places("Deputies in Metcalfe County said the driver was taken to"
        + " a hospital in Bowling Green, Kentucky. A second crash closed a road in Glasgow, Kentucky.");
    PlaceMention county = place(places, "Metcalfe County");
    assertThat(county.country()).isEqualTo("US");
    assertThat(Place.distanceKm(county.lat(), county.lon(), 36.99, -85.63)).isLessThan(100);
  }

  @Test
  void namesInsideUnknownLocationsAndHyphenatedDemonymsAreFound() {
    List<PlaceMention> places = places("He has met with community members in Far North Queensland"
        + " twice in the past six weeks, the Australian minister said. Many Russian-European"
        + " strategic projects were frozen.");
    near(place(places, "Queensland"), "admin1", "AU", -22.0, 144.6, 300);
    near(place(places, "Russian"), "country", "RU", 60.0, 100.0, 1500);
  }

  @Test
  void aTownFollowedByItsStateLiesInThatState() {
    List<PlaceMention> places = places("The sheriff's office received information about a similar"
        + " auction theft in Paris, Illinois. The driver was taken by Air Evac to University"
        + " Hospital in Columbia, Missouri.");
    near(place(places, "Paris"), "city", "US", 39.61, -87.70, 20);
    near(place(places, "Columbia"), "city", "US", 38.95, -92.33, 20);
    near(place(places, "University Hospital"), "city", "US", 38.95, -92.33, 20);
  }

  @Test
  void aDatelineInCapitalsIsTheCity() {
    List<PlaceMention> places = places("WASHINGTON (AP) — An on-again, off-again effort to"
        + " restrict methane emissions on federal lands is on again, after senators from"
        + " Wyoming, Montana and Idaho met the Interior Department.");
    near(place(places, "WASHINGTON"), "city", "US", 38.90, -77.04, 20);
  }

  @Test
  void aBigCitysOtherNameBeatsSmallTownsOfThatName() {
    List<PlaceMention> places = places("Fleshgod Apocalypse played a show in Gothenburg on"
        + " April 2nd, then parked their tour van outside the hotel. Russia will close the US"
        + " consulate in St. Petersburg.");
    near(place(places, "Gothenburg"), "city", "SE", 57.71, 11.97, 20);
    near(place(places, "St. Petersburg"), "city", "RU", 59.94, 30.31, 20);
  }

  @Test
  void aDemonymOfSeveralWordsInsideAName() {
    List<PlaceMention> places = places("Mexico and Canada are willing to renegotiate the North"
        + " American Free Trade Agreement, the ministers said.");
    near(place(places, "North American"), "region", null, 46.07, -100.55, 100);
  }

  @Test
  void aLoneTownAbroadInAOneCountryStoryIsLeftOut() {
    List<PlaceMention> places = places("A man was stabbed in Tottenham on Tuesday night. Officers"
        + " from Enfield, Haringey and Islington attended, and a man was later arrested in"
        + " Camden, London police said.");
    assertThat(places).as("the London district, which the gazetteer lacks, is not put abroad")
        .noneMatch(p -> p.text().equals("Tottenham"));
    assertThat(places).filteredOn(p -> p.text().equals("Islington")).isNotEmpty()
        .allSatisfy(p -> assertThat(p.country()).isEqualTo("GB"));
    // a city of 100,000 or more is kept, even here: Edmonton, London goes to Canada (the price
    // of never dropping a foreign capital from a one-country story, below)
    assertThat(places("A man was stabbed in Edmonton on Tuesday night. Officers from Enfield,"
        + " Haringey and Islington attended, and a man was later arrested in Camden, London"
        + " police said.")).filteredOn(p -> p.text().equals("Edmonton")).singleElement()
        .satisfies(p -> assertThat(p.country()).isEqualTo("CA"));
  }

  @Test
  void leavesTextWithoutPlacesAlone() {
    assertThat(places("He said nothing about it on Wednesday.")).isEmpty();
    assertThat(places("")).isEmpty();
  }
}
