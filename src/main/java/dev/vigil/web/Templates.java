package dev.vigil.web;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** Pebble templates from {@code templates/} on the classpath, HTML auto-escaped. */
final class Templates {
  private final PebbleEngine engine;

  Templates() {
    ClasspathLoader loader = new ClasspathLoader();
    loader.setPrefix("templates");
    loader.setSuffix(".peb");
    this.engine = new PebbleEngine.Builder().loader(loader).strictVariables(false).build();
  }

  String render(String name, Map<String, Object> model) {
    StringWriter out = new StringWriter();
    try {
      engine.getTemplate(name).evaluate(out, model);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render " + name, e);
    }
    return out.toString();
  }
}
