package dev.vigil.nlp;

import dev.vigil.lang.LanguageDetector;
import dev.vigil.model.Annotations;
import dev.vigil.model.Sentence;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Stanford CoreNLP, loaded once per process and shared by all threads. This first version runs
 * the tokenizer and sentence splitter; entities, places, times and quotes come in later
 * versions, filling the lists that are empty here.
 */
public final class CoreNlpAnnotator implements Annotator {
  private final StanfordCoreNLP pipeline;
  private final LanguageDetector languages;

  public CoreNlpAnnotator(LanguageDetector languages) {
    this.languages = languages;
    Properties props = new Properties();
    props.setProperty("annotators", "tokenize,ssplit");
    props.setProperty("tokenize.language", "en");
    // a blank line (paragraph break) always ends a sentence, a single newline never does
    props.setProperty("ssplit.newlineIsSentenceBreak", "two");
    props.setProperty("tokenize.options", "untokenizable=noneKeep,invertible=false");
    this.pipeline = new StanfordCoreNLP(props, false);
  }

  @Override
  public Annotations annotate(String text, String language, String published) {
    String lang = language != null ? language : languages.detect(text);
    if (text.isBlank()) {
      return Annotations.empty(lang);
    }
    Annotation doc = new Annotation(text);
    pipeline.annotate(doc);
    List<Sentence> sentences = new ArrayList<>();
    for (CoreMap s : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
      List<CoreLabel> tokens = s.get(CoreAnnotations.TokensAnnotation.class);
      if (tokens == null || tokens.isEmpty()) {
        continue;
      }
      int start = tokens.get(0).beginPosition();
      int end = tokens.get(tokens.size() - 1).endPosition();
      if (start >= 0 && end >= start && end <= text.length()) {
        sentences.add(new Sentence(start, end));
      }
    }
    return new Annotations(lang, sentences, List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of());
  }
}
