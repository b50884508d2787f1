package dev.vigil.export;

import dev.vigil.model.AnalyzedArticle;
import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Events as CSV (RFC 4180, CRLF line ends, a header row), one row per event with the
 * columns of {@link EventRow#COLUMNS}. A text cell that a spreadsheet would run as a formula
 * (starting with =, +, -, @) is prefixed with an apostrophe.
 */
final class CsvExporter implements Exporter {
  private static final RecordComponent[] FIELDS = EventRow.class.getRecordComponents();

  private final Writer out;
  private boolean finished;

  CsvExporter(Writer out) throws IOException {
    this.out = out;
    writeRow(EventRow.COLUMNS);
  }

  @Override
  public void add(AnalyzedArticle article) throws IOException {
    for (EventRow row : EventRow.of(article)) {
      String[] cells = new String[FIELDS.length];
      for (int i = 0; i < FIELDS.length; i++) {
        cells[i] = cell(value(row, FIELDS[i]));
      }
      writeRow(List.of(cells));
    }
  }

  private static Object value(EventRow row, RecordComponent field) {
    try {
      return field.getAccessor().invoke(row);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + field.getName(), e);
    }
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number) {
      return value.toString();
    }
    String s = value.toString();
    if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
      return "'" + s;
    }
    return s;
  }

  private void writeRow(List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(quote(cells.get(i)));
    }
    out.write("\r\n");
  }

  static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  @Override
  public void finish() throws IOException {
    if (!finished) {
      finished = true;
      out.flush();
    }
  }
}
