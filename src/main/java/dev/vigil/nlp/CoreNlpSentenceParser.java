package dev.vigil.nlp;

import dev.vigil.model.Dependency;
import dev.vigil.model.SentenceParser;
import dev.vigil.model.TaggedSentence;
import dev.vigil.model.Token;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.ArrayCoreMap;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * CoreNLP's neural dependency parser (English Universal Dependencies) run on one sentence the
 * annotator already tagged: the tokens, parts of speech and lemmas are reused, so parsing costs
 * only the parse. The model loads once, when the first sentence is parsed (a few seconds), so a
 * run whose texts carry no event trigger never pays for it. Thread-safe.
 */
public final class CoreNlpSentenceParser implements SentenceParser {
  private volatile StanfordCoreNLP parser;

  private StanfordCoreNLP parser() {
    StanfordCoreNLP p = parser;
    if (p == null) {
      synchronized (this) {
        if (parser == null) {
          Properties props = new Properties();
          props.setProperty("annotators", "depparse");
          props.setProperty("depparse.language", "english");
          props.setProperty("enforceRequirements", "false");
          parser = new StanfordCoreNLP(props, false);
        }
        p = parser;
      }
    }
    return p;
  }

  @Override
  public List<Dependency> parse(TaggedSentence sentence) {
    List<Token> tokens = sentence.tokens();
    if (tokens.isEmpty()) {
      return List.of();
    }
    List<CoreLabel> labels = new ArrayList<>(tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      CoreLabel l = new CoreLabel();
      l.setWord(t.word());
      l.setValue(t.word());
      l.setOriginalText(t.word());
      l.setTag(t.pos());
      l.setLemma(t.lemma());
      l.setNER(t.ner());
      l.setIndex(i + 1);
      l.setSentIndex(0);
      l.setBeginPosition(t.start());
      l.setEndPosition(t.end());
      labels.add(l);
    }
    CoreMap s = new ArrayCoreMap();
    s.set(CoreAnnotations.TokensAnnotation.class, labels);
    s.set(CoreAnnotations.SentenceIndexAnnotation.class, 0);
    Annotation doc = new Annotation(sentence.toString());
    doc.set(CoreAnnotations.TokensAnnotation.class, labels);
    doc.set(CoreAnnotations.SentencesAnnotation.class, List.of(s));
    parser().annotate(doc);
    SemanticGraph graph =
        s.get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
    if (graph == null) {
      return List.of();
    }
    List<Dependency> deps = new ArrayList<>();
    for (IndexedWord root : graph.getRoots()) {
      deps.add(new Dependency("root", -1, root.index() - 1));
    }
    for (SemanticGraphEdge e : graph.edgeListSorted()) {
      deps.add(new Dependency(e.getRelation().toString(), e.getGovernor().index() - 1,
          e.getDependent().index() - 1));
    }
    return deps;
  }
}
