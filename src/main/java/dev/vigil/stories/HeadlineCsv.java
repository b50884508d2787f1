package dev.vigil.stories;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a labelled headline stream in the UCI News Aggregator CSV layout (a header naming at
 * least {@code ID, TITLE, PUBLISHER, STORY, TIMESTAMP}; RFC 4180 quoting), sorted by timestamp.
 * A malformed line is reported to {@code problems} with its number and skipped.
 */
public final class HeadlineCsv {
  /** One labelled headline; {@code timestampMs} is epoch milliseconds. */
  public record Headline(String id, String title, String publisher, String story, long timestampMs) {}

  private HeadlineCsv() {}

  public static List<Headline> read(Path file, Consumer<String> problems) throws IOException {
    List<Headline> out = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw new IOException(file + ": empty file");
      }
      List<String> names = fields(header);
      int id = column(names, "ID", file);
      int title = column(names, "TITLE", file);
      int publisher = column(names, "PUBLISHER", file);
      int story = column(names, "STORY", file);
      int time = column(names, "TIMESTAMP", file);
      int lineNo = 1;
      for (String line; (line = in.readLine()) != null; ) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        List<String> f = fields(line);
        if (f.size() != names.size()) {
          problems.accept(file + ":" + lineNo + ": expected " + names.size() + " fields, found " + f.size());
          continue;
        }
        try {
          out.add(new Headline(f.get(id), f.get(title), f.get(publisher), f.get(story),
              Long.parseLong(f.get(time).strip())));
        } catch (NumberFormatException e) {
          problems.accept(file + ":" + lineNo + ": timestamp is not a number: " + f.get(time));
        }
      }
    }
    out.sort(Comparator.comparingLong(Headline::timestampMs));
    return out;
  }

  private static int column(List<String> names, String name, Path file) throws IOException {
    int i = names.indexOf(name);
    if (i < 0) {
      throw new IOException(file + ": no " + name + " column in the header " + names);
    }
    return i;
  }

  /** Splits one CSV line (quoted fields may hold commas and doubled quotes). */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
