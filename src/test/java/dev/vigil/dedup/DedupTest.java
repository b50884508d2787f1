package dev.vigil.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Canonical URLs and near-duplicate detection on the demo's two seed reports. */
class DedupTest {
  private static String seed(String name) throws IOException {
    try (InputStream in = DedupTest.class.getResourceAsStream("/demo/seeds/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void canonicalUrlsDropTrackingFragmentsAndCase() {
    assertThat(UrlCanonicalizer.canonicalize(
        "HTTPS://WWW.Example.COM:443/News/Story.html?id=7&utm_source=tw&utm_medium=social&fbclid=x&gclid=y#top"))
        .isEqualTo("https://www.example.com/News/Story.html?id=7");
    assertThat(UrlCanonicalizer.canonicalize("http://example.com")).isEqualTo("http://example.com/");
    assertThat(UrlCanonicalizer.canonicalize("http://example.com:8080/a?b=1&c=2")).isEqualTo("http://example.com:8080/a?b=1&c=2");
    assertThat(UrlCanonicalizer.canonicalize("not a url")).isEqualTo("not a url");
    assertThat(UrlCanonicalizer.host("https://www.Tolonews.com/x")).isEqualTo("tolonews.com");
  }

  @Test
  void aLightlyEditedCopyIsLinkedAndAnotherReportOnTheSameStoryIsNot() throws IOException {
    String original = seed("shoigu-cis-security-council.txt");
    String other = seed("shoigu-tajik-afghan-border-page.txt");
    String[] paragraphs = original.split("\n\n");
    String copy = "MOSCOW (Interfax) - " + String.join("\n\n",
        java.util.Arrays.copyOf(paragraphs, Math.max(2, paragraphs.length - 1))).replace("said", "stated")
        + "\n\n(c) Interfax";
    Fingerprint a = Fingerprint.of(original);
    assertThat(NearDuplicateIndex.isCopy(a, Fingerprint.of(copy), NearDuplicateIndex.DEFAULT_THRESHOLD)).isTrue();
    assertThat(NearDuplicateIndex.isCopy(a, Fingerprint.of(other), NearDuplicateIndex.DEFAULT_THRESHOLD)).isFalse();
  }

  @Test
  void fingerprintsIgnoreCaseAndPunctuationAndSurviveStorage() throws IOException {
    String text = seed("shoigu-cis-security-council.txt");
    Fingerprint a = Fingerprint.of(text);
    Fingerprint b = Fingerprint.of(text.toUpperCase(java.util.Locale.ROOT).replace(",", " ,"));
    assertThat(a.jaccard(b)).isEqualTo(1.0);
    assertThat(Fingerprint.fromBytes(a.toBytes())).isEqualTo(a);
    assertThat(Fingerprint.of("").shingles()).isZero();
    assertThatThrownBy(() -> Fingerprint.fromBytes(new byte[3])).hasMessageContaining("516 bytes, got 3");
  }

  @Test
  void theIndexFindsTheOriginalAndForgetsTheOldest() throws IOException {
    String original = seed("shoigu-cis-security-council.txt");
    NearDuplicateIndex index = new NearDuplicateIndex(2, NearDuplicateIndex.DEFAULT_THRESHOLD);
    index.add("orig", Fingerprint.of(original));
    index.add("other", Fingerprint.of(seed("shoigu-tajik-afghan-border-page.txt")));
    Fingerprint copy = Fingerprint.of(original + "\n\nThis story was provided by TASS.");
    assertThat(index.find(copy)).get().extracting(NearDuplicateIndex.Match::id).isEqualTo("orig");
    index.add("third", Fingerprint.of(randomText(new Random(1), 300)));
    assertThat(index.size()).isEqualTo(2);
    assertThat(index.find(copy)).isEmpty(); // "orig" was the oldest and is forgotten
  }

  @Test
  void aFullIndexReusesItsOldestSlotsAndStillFindsTheRecentOnes() {
    Random rnd = new Random(11);
    NearDuplicateIndex index = new NearDuplicateIndex(100, NearDuplicateIndex.DEFAULT_THRESHOLD);
    java.util.List<String> texts = new java.util.ArrayList<>();
    for (int i = 0; i < 700; i++) { // several table rebuilds
      String text = randomText(rnd, 150);
      texts.add(text);
      index.add("a" + i, Fingerprint.of(text));
    }
    assertThat(index.size()).isEqualTo(100);
    for (int i = 600; i < 700; i++) {
      assertThat(index.find(Fingerprint.of(texts.get(i) + " reported by AFP"))).as("article %d", i)
          .get().extracting(NearDuplicateIndex.Match::id).isEqualTo("a" + i);
    }
    for (int i = 0; i < 600; i += 50) {
      assertThat(index.find(Fingerprint.of(texts.get(i)))).as("forgotten article %d", i).isEmpty();
    }
  }

  @Test
  void randomTextsAreNotCopiesOfEachOther() {
    Random rnd = new Random(7);
    for (int i = 0; i < 50; i++) {
      assertThat(NearDuplicateIndex.isCopy(Fingerprint.of(randomText(rnd, 200)), Fingerprint.of(randomText(rnd, 200)), 0.55))
          .isFalse();
    }
  }

  @Test
  void veryShortTextsAreLeftToTheExactHash() {
    Fingerprint tiny = Fingerprint.of("Border closed today.");
    assertThat(NearDuplicateIndex.isCopy(tiny, tiny, 0.55)).isFalse();
  }

  @Test
  void buildsLabelledPairsFromACorpus() {
    Random rnd = new Random(3);
    java.util.List<String> titles = new java.util.ArrayList<>();
    java.util.List<String> texts = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      titles.add("t" + i);
      texts.add(randomText(rnd, 120) + "\n\n" + randomText(rnd, 80) + "\n\n" + randomText(rnd, 60));
    }
    CopyPairs.Set_ set = CopyPairs.build(titles, texts, 20, 20, 5);
    assertThat(set.pairs().stream().filter(CopyPairs.Pair::copy)).hasSize(20);
    for (CopyPairs.Pair p : set.pairs()) {
      if (p.copy()) {
        assertThat(CopyPairs.exactContainment(p.textA(), p.textB())).isGreaterThan(0.5);
      }
    }
  }

  private static String randomText(Random rnd, int words) {
    String[] vocab = ("border guards smugglers province district police army talks minister security drugs refugees"
        + " attack convoy market village bridge river road officials report claim deny clash forces region").split(" ");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < words; i++) {
      b.append(vocab[rnd.nextInt(vocab.length)]).append(' ');
    }
    return b.toString().strip();
  }
}
