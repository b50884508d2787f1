package dev.vigil.corpus;

import dev.vigil.geo.Place;
import dev.vigil.kb.Actor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Makes any number of distinct, realistic articles out of a real corpus, for scale tests.
 * Replica {@code n} is a pure function of {@code n} and the seed (so a long run can resume at
 * any {@code n}): it is source article {@code n mod size} in round {@code n / size}, with
 *
 * <ul>
 *   <li>a quarter of its sentences after the first swapped for sentences of articles next to
 *       it in the corpus (the same days' news, as the corpus has no sections),
 *   <li>about half of the known names in title and text (people and organisations of the actor
 *       knowledge base, countries, regions and cities of the gazetteer) replaced, consistently
 *       within the article, by other names of the same kind,
 *   <li>a publication date: the corpus's span spread over the source articles in order, moved
 *       by up to half a year either way in every round after the first,
 *   <li>a new id, URL and source name in every round after the first (round 0 is the source).
 * </ul>
 *
 * The names put in are returned with each replica, so that a test can index them as entities
 * and places without running the annotator.
 */
public final class CorpusReplicator {
  /** Articles whose sentences may be mixed: neighbours in corpus order. */
  private static final int NEIGHBOURHOOD = 50;
  private static final double SENTENCE_SWAP = 0.25;
  private static final double NAME_SWAP = 0.5;
  private static final int MAX_DATE_SHIFT_DAYS = 182;
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"”’]?)\\s+(?=[\"“A-Z])");
  private static final Pattern CAPITALISED = Pattern.compile("\\p{Lu}[\\p{L}'’-]*");

  /** One name put into a replica: a person or organisation (with its actor) or a place. */
  public record Mention(String text, Actor actor, Place place) {
    public Mention {
      Objects.requireNonNull(text, "text");
      if ((actor == null) == (place == null)) {
        throw new IllegalArgumentException("a mention is an actor or a place: " + text);
      }
    }
  }

  /** One replica: the article (in ingest record shape), its publication date and names put in. */
  public record Replica(CorpusArticle article, LocalDate published, List<Mention> mentions) {}

  private final List<CorpusArticle> sources;
  private final List<List<String>> sentences; // per source, paragraphs joined by "\n\n" kept in place
  private final LocalDate first;
  private final LocalDate last;
  private final long seed;
  private final Map<String, Object> names = new HashMap<>(); // surface name -> Actor or Place
  private final Map<String, List<Object>> pools = new HashMap<>(); // kind -> names of that kind
  private final int longestName;

  /**
   * @param sources the real articles (e.g. the Tehran Times corpus), in their order
   * @param actors people and organisations whose names may be swapped
   * @param places countries, regions and cities whose names may be swapped
   * @param first the publication date given to the first source article
   * @param last the publication date given to the last one
   */
  public CorpusReplicator(List<CorpusArticle> sources, Iterable<Actor> actors, Iterable<Place> places,
      LocalDate first, LocalDate last, long seed) {
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("no source articles to replicate");
    }
    this.sources = List.copyOf(sources);
    this.first = first;
    this.last = last;
    this.seed = seed;
    this.sentences = new ArrayList<>(sources.size());
    for (CorpusArticle a : sources) {
      sentences.add(split(a.text()));
    }
    int longest = 1;
    for (Actor a : actors) {
      String kind = a.isPerson() ? "person" : "organisation";
      if (addName(a.name(), kind, a)) {
        longest = Math.max(longest, a.name().split(" ").length);
      }
    }
    for (Place p : places) {
      if (addName(p.name(), p.kind(), p)) {
        longest = Math.max(longest, p.name().split(" ").length);
      }
    }
    this.longestName = Math.min(longest, 4);
  }

  private boolean addName(String name, String kind, Object value) {
    String[] words = name.split(" ");
    if (words.length > 4 || name.length() < 4 || !name.chars().allMatch(c -> c < 128)) {
      return false;
    }
    for (String w : words) {
      if (!CAPITALISED.matcher(w).matches()) {
        return false;
      }
    }
    if (names.putIfAbsent(name, value) == null) {
      pools.computeIfAbsent(kind, k -> new ArrayList<>()).add(value);
      return true;
    }
    return false;
  }

  /** How many source articles one round holds. */
  public int sourceCount() {
    return sources.size();
  }

  /** Replica number {@code n} (0-based); the same {@code n} always gives the same replica. */
  public Replica replica(long n) {
    int i = (int) (n % sources.size());
    long round = n / sources.size();
    CorpusArticle source = sources.get(i);
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
    String text = round == 0 ? source.text() : mixSentences(i, random);
    Map<String, Object> swaps = new LinkedHashMap<>();
    List<Mention> mentions = new ArrayList<>();
    String title = replaceNames(source.title(), random, swaps, mentions);
    text = replaceNames(text, random, swaps, mentions);
    LocalDate published = baseDate(i);
    if (round > 0) {
      published = published.plusDays(random.nextInt(-MAX_DATE_SHIFT_DAYS, MAX_DATE_SHIFT_DAYS + 1));
    }
    CorpusArticle article = round == 0
        ? new CorpusArticle(source.id(), source.url(), title, text, source.source())
        : new CorpusArticle(source.id() + "-r" + round,
            source.url().replaceFirst("^https?://[^/]+", "https://replica" + round + ".invalid"),
            title, text, source.source() + " (replica " + (round % 16) + ")");
    return new Replica(article, published, List.copyOf(mentions));
  }

  private LocalDate baseDate(int i) {
    long span = last.toEpochDay() - first.toEpochDay();
    return first.plusDays(sources.size() == 1 ? 0 : span * i / (sources.size() - 1));
  }

  private String mixSentences(int i, SplittableRandom random) {
    List<String> own = sentences.get(i);
    int from = (i / NEIGHBOURHOOD) * NEIGHBOURHOOD;
    int to = Math.min(sources.size(), from + NEIGHBOURHOOD);
    StringBuilder b = new StringBuilder();
    for (int s = 0; s < own.size(); s++) {
      String sentence = own.get(s);
      if (s > 0 && random.nextDouble() < SENTENCE_SWAP && !sentence.equals("\n\n")) {
        List<String> other = sentences.get(random.nextInt(from, to));
        String pick = other.get(random.nextInt(other.size()));
        if (!pick.equals("\n\n")) {
          sentence = pick;
        }
      }
      if (sentence.equals("\n\n")) {
        b.append("\n\n");
      } else {
        if (b.length() > 0 && b.charAt(b.length() - 1) != '\n') {
          b.append(' ');
        }
        b.append(sentence);
      }
    }
    return b.toString();
  }

  /** Sentences, with a "\n\n" entry where a paragraph ends. */
  static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    String[] paragraphs = text.split("\\n\\s*\\n");
    for (int p = 0; p < paragraphs.length; p++) {
      if (p > 0) {
        out.add("\n\n");
      }
      for (String s : SENTENCE_END.split(paragraphs[p].strip())) {
        if (!s.isBlank()) {
          out.add(s.strip());
        }
      }
    }
    return out;
  }

  /**
   * Replaces known names (longest first, at word starts) and records every name of the result
   * that stands for a known actor or place. Scans characters by hand: this runs for every
   * replica, and regular expressions made it the costliest part of a scale run.
   */
  private String replaceNames(String text, SplittableRandom random, Map<String, Object> swaps,
      List<Mention> mentions) {
    StringBuilder b = new StringBuilder(text.length() + 64);
    int copied = 0;
    int[] ends = new int[longestName];
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isUpperCase(text.charAt(i)) || (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)))) {
        continue;
      }
      // the run of capitalised words from i, one space apart: "Islamic Revolution Guards Corps"
      int words = 0;
      for (int at = i; words < longestName && at < text.length() && Character.isUpperCase(text.charAt(at)); ) {
        int end = wordEnd(text, at);
        ends[words++] = end;
        if (end + 1 >= text.length() || text.charAt(end) != ' ') {
          break;
        }
        at = end + 1;
      }
      String found = null;
      for (int len = words; len >= 1 && found == null; len--) {
        String candidate = text.substring(i, ends[len - 1]);
        if (names.containsKey(candidate)) {
          found = candidate;
        }
      }
      if (found == null) {
        i = ends[0] - 1; // skip the rest of this word
        continue;
      }
      Object value = swaps.computeIfAbsent(found, k -> {
        Object original = names.get(k);
        if (random.nextDouble() >= NAME_SWAP) {
          return original;
        }
        List<Object> pool = pools.get(kindOf(original));
        return pool.get(random.nextInt(pool.size()));
      });
      String put = value instanceof Actor a ? a.name() : ((Place) value).name();
      b.append(text, copied, i).append(put);
      mentions.add(value instanceof Actor a ? new Mention(put, a, null) : new Mention(put, null, (Place) value));
      copied = i + found.length();
      i = copied - 1;
    }
    b.append(text, copied, text.length());
    return b.toString();
  }

  /** The end of the word at {@code start}: letters, apostrophes and inner hyphens. */
  private static int wordEnd(String text, int start) {
    int end = start + 1;
    while (end < text.length()) {
      char c = text.charAt(end);
      if (Character.isLetter(c) || ((c == '\'' || c == '’' || c == '-') && end + 1 < text.length()
          && Character.isLetter(text.charAt(end + 1)))) {
        end++;
      } else {
        break;
      }
    }
    return end;
  }

  private static String kindOf(Object value) {
    return value instanceof Actor a ? (a.isPerson() ? "person" : "organisation") : ((Place) value).kind();
  }
}
