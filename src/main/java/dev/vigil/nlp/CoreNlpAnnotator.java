package dev.vigil.nlp;

import dev.vigil.lang.LanguageDetector;
import dev.vigil.model.Annotations;

import dev.vigil.model.EntityMention;
import dev.vigil.model.Quote;
import dev.vigil.model.Sentence;
import dev.vigil.model.TaggedSentence;
import dev.vigil.model.TaggedText;
import dev.vigil.model.TimeMention;
import dev.vigil.model.Token;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.time.TimeAnnotations;
import edu.stanford.nlp.time.Timex;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Stanford CoreNLP, loaded once per process and shared by all threads (CoreNLP's annotators
 * are safe to call concurrently; one pipeline serves every worker): tokenizer, sentence
 * splitter, part-of-speech tagger, lemmatiser and CRF named-entity recogniser with SUTime
 * (relative dates resolved against the publication date), then quotes and their speakers
 * ({@link QuoteFinder}). Fine-grained NER is off: it costs three times as much and the
 * knowledge base and gazetteer do its job better.
 *
 * <p>Texts in languages other than English get their language and sentences only; texts are
 * annotated in pieces of {@link #CHUNK_CHARS} and only up to {@link #MAX_ANALYSED_CHARS};
 * the annotations' notes say what was not analysed and why.
 */
public final class CoreNlpAnnotator implements Annotator {
  /** CoreNLP's entity-mention types, mapped to the types of DESIGN.md. */
  private static final Map<String, String> ENTITY_TYPES = Map.ofEntries(
      Map.entry("PERSON", "PERSON"),
      Map.entry("ORGANIZATION", "ORGANIZATION"),
      Map.entry("LOCATION", "LOCATION"),
      Map.entry("COUNTRY", "LOCATION"),
      Map.entry("CITY", "LOCATION"),
      Map.entry("STATE_OR_PROVINCE", "LOCATION"),
      Map.entry("NATIONALITY", "NATIONALITY"),
      Map.entry("MISC", "MISC"));

  /** Longer texts are analysed up to here (a 1 MB text would hold a worker for minutes). */
  static final int MAX_ANALYSED_CHARS = 200_000;
  /** CoreNLP gets the text in pieces of about this size (at paragraph breaks): bounded memory. */
  static final int CHUNK_CHARS = 20_000;

  private final StanfordCoreNLP splitter;
  /** Tokens, sentences, parts of speech and lemmas. */
  private final StanfordCoreNLP tagger;
  /** The CRF models with the numeric classifiers and SUTime, for sentences that may hold times. */
  private final StanfordCoreNLP namesAndTimes;
  /** The same CRF models alone, for the other sentences ({@link TimeGate}). */
  private final StanfordCoreNLP namesOnly;
  private final LanguageDetector languages;

  /**
   * The CRF models Vigil combines: CoreNLP's default set without the MUC 7-class model, whose
   * extra classes (dates, money, percentages) SUTime and the numeric classifiers already
   * give. On wikigold it changes no phrase F1 (0.687 both) and saves about 10% of the time
   * (docs/entities.md).
   */
  public static final String DEFAULT_NER_MODELS =
      "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz,"
      + "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";

  public CoreNlpAnnotator(LanguageDetector languages) {
    this(languages, DEFAULT_NER_MODELS);
  }

  /**
   * @param nerModels the CRF models for {@code ner.model}, comma-separated, combined in order
   */
  public CoreNlpAnnotator(LanguageDetector languages, String nerModels) {
    this.languages = languages;
    this.splitter = new StanfordCoreNLP(baseProperties("tokenize,ssplit"), false);
    this.tagger = new StanfordCoreNLP(baseProperties("tokenize,ssplit,pos,lemma"), false);
    this.namesAndTimes = new StanfordCoreNLP(nerProperties(nerModels, true), false);
    this.namesOnly = new StanfordCoreNLP(nerProperties(nerModels, false), false);
  }

  /**
   * The named-entity recogniser alone (it runs after {@link #tagger}); with {@code times}, also
   * CoreNLP's numeric classifiers and SUTime, else the CRF models only. The second copy of the
   * CRF models costs about 190 MB of heap and saves SUTime's pass over every sentence that
   * cannot hold a time or number (docs/throughput.md).
   */
  private static Properties nerProperties(String nerModels, boolean times) {
    Properties props = baseProperties("ner");
    props.setProperty("enforceRequirements", "false");
    props.setProperty("ner.model", nerModels);
    props.setProperty("ner.applyFineGrained", "false");
    props.setProperty("ner.buildEntityMentions", "true");
    props.setProperty("ner.applyNumericClassifiers", String.valueOf(times));
    props.setProperty("ner.useSUTime", String.valueOf(times));
    if (times) {
      props.setProperty("sutime.includeRange", "true");
    }
    return props;
  }

  private static Properties baseProperties(String annotators) {
    Properties props = new Properties();
    props.setProperty("annotators", annotators);
    props.setProperty("tokenize.language", "en");
    // a blank line (paragraph break) always ends a sentence, a single newline never does
    props.setProperty("ssplit.newlineIsSentenceBreak", "two");
    props.setProperty("tokenize.options", "untokenizable=noneKeep,invertible=false");
    return props;
  }

  @Override
  public TaggedText tag(String text, String language, String published) {
    String lang = language != null ? language : languages.detect(text);
    List<String> notes = new ArrayList<>();
    if (text.isBlank()) {
      notes.add("empty text: nothing to analyse");
      return new TaggedText(text, published, Annotations.empty(lang).withNotes(notes), List.of());
    }
    boolean english = "en".equals(lang)
        || (lang == null || LanguageDetector.UNDETERMINED.equals(lang)) && mostlyLatin(text);
    if (!english) {
      notes.add("language " + lang + ": Vigil has English models only; sentences were found,"
          + " but entities were not recognised (only names the knowledge base knows are found),"
          + " and times and quotes were not looked for");
    }
    if (TextPieces.looksMisdecoded(text)) {
      notes.add("the text looks mis-decoded (UTF-8 read as Latin-1 or Windows-1252):"
          + " names and dates in it may be missed");
    }
    int limit = Math.min(text.length(), MAX_ANALYSED_CHARS);
    if (limit < text.length()) {
      notes.add(String.format(java.util.Locale.ROOT,
          "text of %,d characters: only the first %,d were analysed", text.length(), limit));
    }

    List<Sentence> sentences = new ArrayList<>();
    List<TaggedSentence> tagged = new ArrayList<>();
    List<EntityMention> entities = new ArrayList<>();
    List<TimeMention> times = new ArrayList<>();
    for (int[] chunk : TextPieces.chunks(text, limit, CHUNK_CHARS)) {
      annotateChunk(text, chunk[0], chunk[1], english, published, sentences, tagged, entities, times);
    }
    if (english) { // over the analysed part only: names are not looked for past it
      entities = NameConsistency.apply(limit < text.length() ? text.substring(0, limit) : text, entities);
    }
    List<Quote> quotes = english ? QuoteFinder.find(text, sentences, entities) : List.of();
    Annotations annotations = new Annotations(lang, sentences, entities, List.of(), times,
        quotes, List.of(), List.of(), notes, List.of());
    return new TaggedText(text, published, annotations, tagged);
  }

  /** Annotates text[from, to) and adds what it finds, with offsets into the whole text. */
  private void annotateChunk(String text, int from, int to, boolean english, String published,
      List<Sentence> sentences, List<TaggedSentence> tagged, List<EntityMention> entities,
      List<TimeMention> times) {
    Annotation doc = new Annotation(text.substring(from, to));
    if (english && published != null) {
      doc.set(CoreAnnotations.DocDateAnnotation.class, published);
    }
    (english ? tagger : splitter).annotate(doc);
    if (english) {
      recognise(doc);
    }
    for (CoreMap s : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
      List<CoreLabel> tokens = s.get(CoreAnnotations.TokensAnnotation.class);
      if (tokens == null || tokens.isEmpty()) {
        continue;
      }
      int start = from + tokens.get(0).beginPosition();
      int end = from + tokens.get(tokens.size() - 1).endPosition();
      if (start < from || end < start || end > to) {
        continue;
      }
      sentences.add(new Sentence(start, end));
      List<Token> sentenceTokens = new ArrayList<>(tokens.size());
      for (CoreLabel t : tokens) {
        sentenceTokens.add(new Token(t.word(), t.lemma(), t.tag(), t.ner(),
            from + t.beginPosition(), from + t.endPosition()));
      }
      tagged.add(new TaggedSentence(start, end, sentenceTokens));
      if (english) {
        mentions(s, text, from, published, entities, times);
      }
    }
  }

  /**
   * Named entities, times and numbers: sentences that may hold a time or a number go through
   * the recogniser with SUTime, the others through the CRF models alone, which tags them the
   * same (SUTime and the numeric classifiers find nothing there; {@link TimeGate}).
   */
  private void recognise(Annotation doc) {
    List<CoreMap> timed = new ArrayList<>();
    List<CoreMap> plain = new ArrayList<>();
    for (CoreMap s : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
      List<CoreLabel> tokens = s.get(CoreAnnotations.TokensAnnotation.class);
      List<String> words = new ArrayList<>(tokens.size());
      List<String> tags = new ArrayList<>(tokens.size());
      for (CoreLabel t : tokens) {
        words.add(t.word());
        tags.add(t.tag());
      }
      (TimeGate.mayHoldTimeOrNumber(words, tags) ? timed : plain).add(s);
    }
    recognise(namesAndTimes, doc, timed);
    recognise(namesOnly, doc, plain);
  }

  /** Runs {@code ner} on some sentences of {@code doc}, as a document of their own. */
  private static void recognise(StanfordCoreNLP ner, Annotation doc, List<CoreMap> sentences) {
    if (sentences.isEmpty()) {
      return;
    }
    Annotation part = new Annotation(doc.get(CoreAnnotations.TextAnnotation.class));
    List<CoreLabel> tokens = new ArrayList<>();
    for (CoreMap s : sentences) {
      tokens.addAll(s.get(CoreAnnotations.TokensAnnotation.class));
    }
    part.set(CoreAnnotations.TokensAnnotation.class, tokens);
    part.set(CoreAnnotations.SentencesAnnotation.class, sentences);
    String date = doc.get(CoreAnnotations.DocDateAnnotation.class);
    if (date != null) {
      part.set(CoreAnnotations.DocDateAnnotation.class, date);
    }
    ner.annotate(part);
  }

  /**
   * The name's span without what the models took in with it: dashes and punctuation before it
   * ("-- Sandor Peto" in a byline), a dash or comma after it, and a number after a person or
   * place ("Russia 288" in a table of results). Null when nothing is left.
   */
  static int[] nameSpan(String text, int start, int end, String ner) {
    while (start < end && !Character.isLetterOrDigit(text.charAt(start))) {
      start++;
    }
    while (end > start && "-–—,;:".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    if ("PERSON".equals(ner) || "LOCATION".equals(ner)) {
      int k = end;
      while (k > start && Character.isDigit(text.charAt(k - 1))) {
        k--;
      }
      if (k < end && k > start && Character.isWhitespace(text.charAt(k - 1))) {
        end = k - 1;
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
          end--;
        }
      }
    }
    return end > start ? new int[] {start, end} : null;
  }

  private static boolean mostlyLatin(String text) {
    int letters = 0;
    int latin = 0;
    for (int i = 0; i < text.length() && letters < 2000; i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        if (c < 0x250) {
          latin++;
        }
      }
    }
    return letters > 0 && latin >= 0.9 * letters;
  }

  private static void mentions(CoreMap sentence, String text, int from, String published,
      List<EntityMention> entities, List<TimeMention> times) {
    List<CoreMap> mentions = sentence.get(CoreAnnotations.MentionsAnnotation.class);
    if (mentions == null) {
      return;
    }
    for (CoreMap m : mentions) {
      int start = from + m.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
      int end = from + m.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
      if (start < 0 || end <= start || end > text.length()) {
        continue;
      }
      String ner = m.get(CoreAnnotations.NamedEntityTagAnnotation.class);
      if (ENTITY_TYPES.containsKey(String.valueOf(ner))) {
        int[] span = nameSpan(text, start, end, ner);
        if (span == null) {
          continue;
        }
        start = span[0];
        end = span[1];
      }
      List<CoreLabel> words = m.get(CoreAnnotations.TokensAnnotation.class);
      if (words != null && words.size() == 1 && words.get(0).tag() != null
          && words.get(0).tag().startsWith("PRP")) {
        continue; // "he", "they": pronouns are not names
      }
      String surface = text.substring(start, end);
      String type = ner == null ? null : ENTITY_TYPES.get(ner);
      if (type != null) {
        entities.add(new EntityMention(surface, type, null, null, start, end));
      } else if ("DATE".equals(ner) || "TIME".equals(ner)) {
        Timex timex = m.get(TimeAnnotations.TimexAnnotation.class);
        times.add(new TimeMention(surface,
            TimexValues.iso(timex == null ? null : timex.value(), published), start, end));
      }
    }
  }
}
