package dev.vigil.cli;

import dev.vigil.kb.EntityLinker;
import dev.vigil.model.EntityMention;
import dev.vigil.model.TaggedText;
import dev.vigil.nlp.Annotator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vigil eval ner}: CoNLL phrase-level precision, recall and F1 of the entities that
 * {@code vigil analyze} outputs (annotator, then entity linking), per type and overall. A
 * phrase counts when its first and last token and its type are exactly the gold ones.
 */
@Command(mixinStandardHelpOptions = true, name = "ner", sortOptions = false,
    description = {
        "Entity recognition: CoNLL phrase-level precision, recall and F1 per type.",
        "PATH is a CoNLL file (token, then tag in the last column; IOB1 or IOB2), or",
        "the dev/ner folder, whose wikigold, re3d (test) and WNUT17 (test) sets are each",
        "scored. Gold labels are mapped to PER/ORG/LOC/MISC: Person, Organisation,",
        "Location, Nationality (MISC) for re3d; person, corporation and group (ORG),",
        "location, product and creative-work (MISC) for WNUT17. Gold phrases of other",
        "types (Weapon, Temporal, ...) are left out, and so are predictions overlapping them.",
    })
final class EvalNerCommand implements Callable<Integer> {
  /** Gold labels of the three sets, mapped to the CoNLL types. */
  private static final Map<String, String> GOLD = Map.ofEntries(
      Map.entry("PER", "PER"), Map.entry("ORG", "ORG"), Map.entry("LOC", "LOC"),
      Map.entry("MISC", "MISC"), Map.entry("Person", "PER"), Map.entry("Organisation", "ORG"),
      Map.entry("Location", "LOC"), Map.entry("Nationality", "MISC"), Map.entry("person", "PER"),
      Map.entry("corporation", "ORG"), Map.entry("group", "ORG"), Map.entry("location", "LOC"),
      Map.entry("product", "MISC"), Map.entry("creative-work", "MISC"));
  private static final Map<String, String> PREDICTED = Map.of("PERSON", "PER",
      "ORGANIZATION", "ORG", "LOCATION", "LOC", "MISC", "MISC", "NATIONALITY", "MISC");
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();
  /** Sentences per document for sets without document boundaries. */
  private static final int SENTENCES_PER_DOCUMENT = 20;

  @Parameters(paramLabel = "PATH", description = "A CoNLL file, or the dev/ner folder.")
  Path path;

  @Option(names = "--no-kb", description = "Score the annotator alone, without entity linking.")
  boolean noKb;

  @Option(names = "--ner-model", paramLabel = "MODELS",
      description = "CoreNLP CRF models to use instead of the default (comma-separated).")
  String nerModels;

  @Option(names = "--errors", description = "Print each missed (-) and spurious (+) phrase.")
  boolean errors;

  @Option(names = "--limit", paramLabel = "N", description = "Score only the first N documents of each set.")
  Integer limit;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** A gold or predicted phrase: first and last token (document-wide index) and type. */
  record Phrase(int first, int last, String type) {}

  /** One document: its tokens, their offsets in the text built from them, and gold phrases. */
  record Doc(String text, int[] starts, int[] ends, List<Phrase> gold, List<Phrase> ignored) {}

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, Path> sets = new LinkedHashMap<>();
    if (Files.isDirectory(path)) {
      putIfExists(sets, "wikigold", path.resolve("wikigold/CONLL-format/data/wikigold.conll.txt"));
      putIfExists(sets, "re3d (test)", path.resolve("re3d/CONLL-format/data/test/re3d-test.conll"));
      putIfExists(sets, "WNUT17 (test)",
          path.resolve("WNUT17/CONLL-format/data/test/emerging.test.annotated"));
      if (sets.isEmpty()) {
        throw new CommandLine.ParameterException(spec.commandLine(), path
            + ": no wikigold, re3d or WNUT17 set found in this folder");
      }
    } else if (Files.isRegularFile(path)) {
      sets.put(path.getFileName().toString(), path);
    } else {
      throw new CommandLine.ParameterException(spec.commandLine(), path + ": no such file or folder");
    }
    Components components = new Components();
    Annotator annotator = nerModels == null ? components.annotator()
        : new dev.vigil.nlp.CoreNlpAnnotator(dev.vigil.lang.OpenNlpLanguageDetector.load(), nerModels);
    EntityLinker linker = noKb ? null : components.linker();
    for (Map.Entry<String, Path> set : sets.entrySet()) {
      List<Doc> docs = read(set.getValue());
      if (limit != null && docs.size() > limit) {
        docs = docs.subList(0, limit);
      }
      Map<String, int[]> counts = new TreeMap<>(); // type -> {tp, fp, fn}
      long tokens = 0;
      long started = System.nanoTime();
      long cpuStarted = THREADS.getCurrentThreadCpuTime();
      for (Doc d : docs) {
        TaggedText tagged = annotator.tag(d.text(), "en", null);
        if (linker != null) {
          tagged = linker.apply(tagged);
        }
        Set<Phrase> predicted = score(d, tagged.annotations().entities(), counts);
        if (errors) {
          printErrors(out, d, predicted);
        }
        tokens += d.starts().length;
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
      out.printf(Locale.ROOT, "%s: %,d documents, %,d tokens, %.0f tokens/s (%.0f per CPU second; %s)%n",
          set.getKey(), docs.size(), tokens, tokens / seconds, tokens / cpuSeconds,
          noKb ? "annotator only" : "annotator + KB linking");
      print(out, counts);
      out.println();
    }
    return ExitCodes.OK;
  }

  private static void putIfExists(Map<String, Path> sets, String name, Path file) {
    if (Files.isRegularFile(file)) {
      sets.put(name, file);
    }
  }

  private static void printErrors(PrintWriter out, Doc d, Set<Phrase> predicted) {
    Set<Phrase> gold = new HashSet<>(d.gold());
    for (Phrase g : d.gold()) {
      if (!predicted.contains(g)) {
        out.println("  - " + g.type() + " " + surface(d, g));
      }
    }
    for (Phrase p : predicted) {
      if (!gold.contains(p)) {
        out.println("  + " + p.type() + " " + surface(d, p));
      }
    }
  }

  private static String surface(Doc d, Phrase p) {
    return d.text().substring(d.starts()[p.first()], d.ends()[p.last()]);
  }

  /** Adds the document's true and false positives and false negatives; returns the predictions. */
  static Set<Phrase> score(Doc d, List<EntityMention> entities, Map<String, int[]> counts) {
    Set<Phrase> predicted = new HashSet<>();
    for (EntityMention e : entities) {
      String type = PREDICTED.get(e.type());
      int first = -1;
      int last = -1;
      for (int i = 0; i < d.starts().length; i++) {
        if (d.ends()[i] > e.start() && d.starts()[i] < e.end()) {
          first = first < 0 ? i : first;
          last = i;
        }
      }
      if (type == null || first < 0) {
        continue;
      }
      Phrase p = new Phrase(first, last, type);
      boolean overlapsIgnored = d.ignored().stream().anyMatch(g -> g.first() <= p.last() && p.first() <= g.last());
      if (!overlapsIgnored) {
        predicted.add(p);
      }
    }
    Set<Phrase> gold = new HashSet<>(d.gold());
    for (Phrase p : predicted) {
      counts.computeIfAbsent(p.type(), k -> new int[3])[gold.contains(p) ? 0 : 1]++;
    }
    for (Phrase g : gold) {
      if (!predicted.contains(g)) {
        counts.computeIfAbsent(g.type(), k -> new int[3])[2]++;
      }
    }
    return predicted;
  }

  private static void print(PrintWriter out, Map<String, int[]> counts) {
    out.printf(Locale.ROOT, "  %-8s %9s %9s %9s %7s %7s %7s%n", "type", "precision", "recall", "F1",
        "tp", "fp", "fn");
    int[] all = new int[3];
    for (Map.Entry<String, int[]> c : counts.entrySet()) {
      line(out, c.getKey(), c.getValue());
      for (int i = 0; i < 3; i++) {
        all[i] += c.getValue()[i];
      }
    }
    line(out, "overall", all);
  }

  private static void line(PrintWriter out, String type, int[] c) {
    double p = c[0] + c[1] == 0 ? 0 : c[0] / (double) (c[0] + c[1]);
    double r = c[0] + c[2] == 0 ? 0 : c[0] / (double) (c[0] + c[2]);
    double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
    out.printf(Locale.ROOT, "  %-8s %9.3f %9.3f %9.3f %7d %7d %7d%n", type, p, r, f, c[0], c[1], c[2]);
  }

  /**
   * Reads a CoNLL file: one token per line with its tag in the last column, blank lines between
   * sentences, {@code -DOCSTART-} between documents (else every 20 sentences make one).
   */
  static List<Doc> read(Path file) throws IOException {
    List<Doc> docs = new ArrayList<>();
    List<List<String[]>> sentences = new ArrayList<>();
    List<String[]> sentence = new ArrayList<>();
    boolean docBoundaries = false;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] cols = line.strip().split("\\s+");
      if (line.isBlank()) {
        if (!sentence.isEmpty()) {
          sentences.add(sentence);
          sentence = new ArrayList<>();
        }
      } else if (cols[0].equals("-DOCSTART-")) {
        docBoundaries = true;
        if (!sentence.isEmpty()) {
          sentences.add(sentence);
          sentence = new ArrayList<>();
        }
        if (!sentences.isEmpty()) {
          docs.add(doc(sentences));
          sentences = new ArrayList<>();
        }
      } else if (cols.length >= 2) {
        sentence.add(new String[] {cols[0], cols[cols.length - 1]});
        if (!docBoundaries && sentences.size() >= SENTENCES_PER_DOCUMENT) {
          docs.add(doc(sentences));
          sentences = new ArrayList<>();
        }
      }
    }
    if (!sentence.isEmpty()) {
      sentences.add(sentence);
    }
    if (!sentences.isEmpty()) {
      docs.add(doc(sentences));
    }
    return docs;
  }

  /** Tokens joined by spaces, sentences by blank lines (so the gold sentence breaks hold). */
  private static Doc doc(List<List<String[]>> sentences) {
    StringBuilder text = new StringBuilder();
    List<int[]> offsets = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    for (List<String[]> s : sentences) {
      if (text.length() > 0) {
        text.append("\n\n");
      }
      tags.add("O"); // a sentence break ends a phrase
      offsets.add(null);
      for (int i = 0; i < s.size(); i++) {
        if (i > 0) {
          text.append(' ');
        }
        offsets.add(new int[] {text.length(), text.length() + s.get(i)[0].length()});
        tags.add(s.get(i)[1]);
        text.append(s.get(i)[0]);
      }
    }
    List<Integer> starts = new ArrayList<>();
    List<Integer> ends = new ArrayList<>();
    List<Phrase> gold = new ArrayList<>();
    List<Phrase> ignored = new ArrayList<>();
    int open = -1;
    String openLabel = null;
    for (int i = 0; i <= tags.size(); i++) {
      String tag = i < tags.size() ? tags.get(i) : "O";
      String label = tag.length() > 2 && tag.charAt(1) == '-' ? tag.substring(2) : null;
      boolean begins = tag.startsWith("B-") || label != null && !label.equals(openLabel);
      if (openLabel != null && (label == null || begins)) {
        Phrase p = new Phrase(open, starts.size() - 1, GOLD.get(openLabel));
        (p.type() != null ? gold : ignored).add(p);
        openLabel = null;
      }
      if (label != null && begins) {
        open = starts.size();
        openLabel = label;
      }
      if (i < tags.size() && offsets.get(i) != null) {
        starts.add(offsets.get(i)[0]);
        ends.add(offsets.get(i)[1]);
      }
    }
    return new Doc(text.toString(), starts.stream().mapToInt(Integer::intValue).toArray(),
        ends.stream().mapToInt(Integer::intValue).toArray(), gold, ignored);
  }
}
