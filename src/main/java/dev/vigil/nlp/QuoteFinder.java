package dev.vigil.nlp;

import dev.vigil.model.EntityMention;
import dev.vigil.model.Quote;
import dev.vigil.model.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds quotations and who said them from patterns over the surface, without coreference
 * (which CoreNLP's quote attribution needs and which costs more than the whole rest of the
 * pipeline). Quotations are text in double quotes (“...”, "...", «...») of two words or
 * more, and reported speech ("X said (that) ...", "X warned that ...", "according to X,
 * ..."). The speaker is the person (else organisation) named next to a speech verb before
 * or after the quotation ("X said", "said X", "X told ...", "according to X"); "he" or "she"
 * is the person named last before; a surname is given as the full name used earlier in the
 * text. A quotation without a recognisable speaker has a null speaker.
 */
final class QuoteFinder {
  private static final String VERBS = "said|says|say|stated|states|added|adds|noted|notes|warned"
      + "|warns|emphasi[sz]ed|emphasi[sz]es|stressed|stresses|announced|announces|insisted|insists"
      + "|claimed|claims|cautioned|underscored|explained|argued|asserted|declared|told|tells"
      + "|wrote|remarked|commented|confirmed|acknowledged|reiterated|highlighted|described"
      + "|pointed out|replied|answered|admitted|maintained|alleged|believes|believed";
  private static final Pattern VERB_AT_END = Pattern.compile(
      "\\b(" + VERBS + ")\\b[^.;!?\"“”]{0,100}?\\s*(?:that)?\\s*[,:]?\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern AFTER = Pattern.compile(
      "^[\\s,.:;!?]*(?:(he|she)\\s+(?:" + VERBS + ")\\b|(?:" + VERBS + ")\\s+(?=\\p{Lu}))",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern ACCORDING = Pattern.compile("\\baccording to\\s+(?=\\p{Lu})");
  private static final Pattern REPORTED = Pattern.compile(
      "^\\s*(?:,[^,]{1,150},)?\\s*(?:\\p{L}+ly\\s+|also\\s+)?(?:(said|says)\\s+(?:(?:on|in|at|last|this)\\s+"
      + "[^,.;]{1,30}?\\s+)?(?:that\\s+)?|(?:" + VERBS + ")\\s+(?:(?:on|in|at|last|this)\\s+[^,.;]{1,30}?\\s+)?"
      + "that\\s+)", Pattern.CASE_INSENSITIVE);
  private static final Set<String> PRONOUNS = Set.of("he", "she");
  private static final int MAX_QUOTE_CHARS = 3000;

  private QuoteFinder() {}

  static List<Quote> find(String text, List<Sentence> sentences, List<EntityMention> entities) {
    List<Quote> quotes = new ArrayList<>();
    List<int[]> marked = quoted(text);
    for (int[] q : marked) {
      int contentStart = q[0] + 1;
      int contentEnd = q[1];
      while (contentEnd > contentStart && ",.;: ".indexOf(text.charAt(contentEnd - 1)) >= 0) {
        contentEnd--;
      }
      String content = text.substring(contentStart, contentEnd);
      if (content.strip().split("\\s+").length < 2) {
        continue;
      }
      Sentence first = sentenceAt(sentences, q[0]);
      Sentence last = sentenceAt(sentences, q[1]);
      String speaker = null;
      if (last != null) {
        speaker = after(text, q[1] + 1, last.end(), entities);
      }
      if (speaker == null && first != null) {
        speaker = before(text, first.start(), q[0], entities);
      }
      if (speaker == null && first != null) {
        speaker = according(text, first.start(), first.end(), entities);
      }
      quotes.add(new Quote(speaker, content, contentStart, contentEnd));
    }
    for (Sentence s : sentences) {
      if (overlapsAny(s, marked)) {
        continue;
      }
      Quote reported = reported(text, s, entities);
      if (reported != null) {
        quotes.add(reported);
      }
    }
    quotes.sort(java.util.Comparator.comparingInt(Quote::start));
    return quotes;
  }

  /** Spans [open, close] of the quotation marks that pair up, within a paragraph. */
  private static List<int[]> quoted(String text) {
    List<int[]> out = new ArrayList<>();
    int open = -1;
    char closer = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        open = -1; // a quotation does not run over a paragraph break here
      } else if (open < 0 && (c == '“' || c == '«' || c == '"')) {
        open = i;
        closer = c == '“' ? '”' : c == '«' ? '»' : '"';
      } else if (open >= 0 && c == closer) {
        if (i - open <= MAX_QUOTE_CHARS) {
          out.add(new int[] {open, i});
        }
        open = -1;
      }
    }
    return out;
  }

  private static boolean overlapsAny(Sentence s, List<int[]> marked) {
    for (int[] q : marked) {
      if (q[0] < s.end() && s.start() <= q[1]) {
        return true;
      }
    }
    return false;
  }

  private static Sentence sentenceAt(List<Sentence> sentences, int offset) {
    for (Sentence s : sentences) {
      if (s.start() <= offset && offset < s.end() + 1) {
        return s;
      }
    }
    return null;
  }

  /** ', he said' / ', said Shoigu' right after the closing mark. */
  private static String after(String text, int from, int to, List<EntityMention> entities) {
    if (from >= to) {
      return null;
    }
    Matcher m = AFTER.matcher(text.substring(from, to));
    if (m.find()) {
      if (m.group(1) != null) {
        return person(text, from + m.start(1), entities);
      }
      EntityMention e = mentionAt(from + m.end(), entities);
      return e == null ? null : fullName(text, e, entities);
    }
    EntityMention e = firstSpeakerIn(from, Math.min(to, from + 8), entities);
    if (e != null) {
      Matcher v = Pattern.compile("^\\s*(?:" + VERBS + ")\\b", Pattern.CASE_INSENSITIVE)
          .matcher(text.substring(e.end(), to));
      if (v.find()) {
        return fullName(text, e, entities);
      }
    }
    return null;
  }

  /** 'Shoigu, secretary of ..., described ... as "' / 'he cautioned that "' before the quote. */
  private static String before(String text, int from, int quoteStart, List<EntityMention> entities) {
    String head = text.substring(from, quoteStart);
    Matcher m = VERB_AT_END.matcher(head);
    if (!m.find()) {
      return null;
    }
    return subject(text, from, from + m.start(), entities);
  }

  private static String according(String text, int from, int to, List<EntityMention> entities) {
    Matcher m = ACCORDING.matcher(text.substring(from, to));
    if (m.find()) {
      EntityMention e = mentionAt(from + m.end(), entities);
      return e == null ? null : fullName(text, e, entities);
    }
    return null;
  }

  /** "X said (that) CLAUSE" without quotation marks: the clause, said by X. */
  private static Quote reported(String text, Sentence s, List<EntityMention> entities) {
    String sentence = text.substring(s.start(), s.end());
    Matcher acc = Pattern.compile("^According to\\s+(?=\\p{Lu})[^,]{1,80},\\s*").matcher(sentence);
    if (acc.find()) {
      EntityMention e = mentionAt(s.start() + "According to ".length(), entities);
      if (e != null) {
        return clause(text, s.start() + acc.end(), s.end(), fullName(text, e, entities));
      }
    }
    for (EntityMention e : entities) {
      if (e.start() < s.start() || e.end() > s.end() || !isSpeakerType(e)
          || e.start() - s.start() > 120) {
        continue;
      }
      Matcher m = REPORTED.matcher(text.substring(e.end(), s.end()));
      if (m.find()) {
        return clause(text, e.end() + m.end(), s.end(), fullName(text, e, entities));
      }
    }
    for (String pronoun : PRONOUNS) {
      String lower = sentence.toLowerCase(Locale.ROOT);
      int at = lower.startsWith(pronoun + " ") ? 0 : lower.indexOf(", " + pronoun + " ");
      if (at < 0 || at > 40) {
        continue;
      }
      int p = s.start() + (at == 0 ? 0 : at + 2);
      Matcher m = REPORTED.matcher(text.substring(p + pronoun.length(), s.end()));
      if (m.find()) {
        return clause(text, p + pronoun.length() + m.end(), s.end(), person(text, p, entities));
      }
    }
    return null;
  }

  private static Quote clause(String text, int start, int end, String speaker) {
    while (end > start && ".!?;: ".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    if (end - start < 10 || text.substring(start, end).split("\\s+").length < 3) {
      return null;
    }
    return new Quote(speaker, text.substring(start, end), start, end);
  }

  /** The speaker before a speech verb ending at {@code verbStart}: a pronoun or a named subject. */
  private static String subject(String text, int from, int verbStart, List<EntityMention> entities) {
    EntityMention best = null;
    for (EntityMention e : entities) {
      if (e.start() >= from && e.end() <= verbStart && isSpeakerType(e)
          && (best == null || "PERSON".equals(e.type()) && !"PERSON".equals(best.type())
              || e.type().equals(best.type()) && e.start() > best.start())) {
        best = e;
      }
    }
    Matcher pronoun = Pattern.compile("\\b(he|she)\\b[^,;]{0,40}$", Pattern.CASE_INSENSITIVE)
        .matcher(text.substring(from, verbStart));
    if (pronoun.find() && (best == null || best.end() < from + pronoun.start())) {
      return person(text, from + pronoun.start(), entities);
    }
    return best == null ? null : fullName(text, best, entities);
  }

  private static boolean isSpeakerType(EntityMention e) {
    return "PERSON".equals(e.type()) || "ORGANIZATION".equals(e.type());
  }

  private static EntityMention mentionAt(int offset, List<EntityMention> entities) {
    for (EntityMention e : entities) {
      if (e.start() == offset && isSpeakerType(e)) {
        return e;
      }
    }
    return null;
  }

  private static EntityMention firstSpeakerIn(int from, int to, List<EntityMention> entities) {
    for (EntityMention e : entities) {
      if (e.start() >= from && e.start() < to && isSpeakerType(e)) {
        return e;
      }
    }
    return null;
  }

  /** "he" at {@code offset}: the person named last before it, by full name. */
  private static String person(String text, int offset, List<EntityMention> entities) {
    EntityMention last = null;
    for (EntityMention e : entities) {
      if ("PERSON".equals(e.type()) && e.end() <= offset) {
        last = e;
      }
    }
    return last == null ? null : fullName(text, last, entities);
  }

  /** A person's full name as first given in the text ("Shoigu" -> "Sergei Shoigu"). */
  private static String fullName(String text, EntityMention e, List<EntityMention> entities) {
    String name = e.text().strip();
    if (!"PERSON".equals(e.type()) || name.contains(" ")) {
      return name;
    }
    for (EntityMention other : entities) {
      String o = other.text().strip();
      if ("PERSON".equals(other.type()) && o.endsWith(" " + name)) {
        return o;
      }
    }
    return name;
  }
}
