package dev.vigil.cli;

import dev.vigil.sources.Source;
import dev.vigil.sources.SourceRegistry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil sources}: the source registry. */
@Command(mixinStandardHelpOptions = true, name = "sources", sortOptions = false,
    description = {
        "The source registry: who each outlet is and the reliability prior its reports",
        "start from. Vigil ships the region's outlets; your changes go to sources.yaml",
        "in the data directory, merged over the shipped registry.",
    },
    subcommands = {SourcesCommand.ListSources.class, SourcesCommand.Show.class, SourcesCommand.Add.class,
        SourcesCommand.Set.class})
final class SourcesCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(mixinStandardHelpOptions = true, name = "list", description = "One line per source.")
  static final class ListSources implements Callable<Integer> {
    @Mixin DataDirOption data;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      for (Source s : SourceRegistry.load(data.dir).all()) {
        out.printf(Locale.ROOT, "%-26s %-40s %-2s %-18s %.2f %s%n", s.id(), s.name(),
            s.country() == null ? "--" : s.country(), s.type().label(), s.prior(), s.label().label());
      }
      return ExitCodes.OK;
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "show",
      description = "Everything about one source, found by id, name, domain or URL.")
  static final class Show implements Callable<Integer> {
    @Mixin DataDirOption data;
    @Parameters(paramLabel = "ID|NAME|DOMAIN|URL") String query;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      SourceRegistry r = SourceRegistry.load(data.dir);
      Source s = (query.contains("://") ? r.byUrl(query) : r.byName(query)).orElse(null);
      if (s == null) {
        spec.commandLine().getErr().println("vigil: no source matches '" + query + "' (vigil sources list)");
        return ExitCodes.ERROR;
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println("id:         " + s.id());
      out.println("name:       " + s.name());
      out.println("homepages:  " + String.join(", ", s.homepages()));
      out.println("domains:    " + String.join(", ", s.domains()));
      out.println("country:    " + (s.country() == null ? "-" : s.country()));
      out.println("languages:  " + String.join(", ", s.languages()));
      out.println("type:       " + s.type().label());
      out.println("ownership:  " + (s.ownership() == null ? "-" : s.ownership()));
      out.printf(Locale.ROOT, "prior:      %.2f (%s)%n", s.prior(), s.label().label());
      return ExitCodes.OK;
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "add", sortOptions = false,
      description = "Add a source to the data directory's sources.yaml.")
  static final class Add implements Callable<Integer> {
    @Mixin DataDirOption data;
    @Parameters(index = "0", paramLabel = "ID", description = "Lower-case id, e.g. my-outlet.") String id;
    @Option(names = "--name", required = true) String name;
    @Option(names = "--domain", required = true, split = ",", description = "Domains (comma-separated).") List<String> domains;
    @Option(names = "--homepage", split = ",") List<String> homepages;
    @Option(names = "--country", description = "ISO code, e.g. TJ.") String country;
    @Option(names = "--language", split = ",", description = "ISO 639-1 codes.") List<String> languages;
    @Option(names = "--type", defaultValue = "independent",
        description = "wire, state media, public broadcaster, independent, government, intergovernmental, NGO, blog.") String type;
    @Option(names = "--ownership") String ownership;
    @Option(names = "--prior", defaultValue = "0.5", description = "0 to 1 (default: ${DEFAULT-VALUE}).") double prior;
    @Option(names = "--label", defaultValue = "Unrated", description = "Reliable, Mixed, Unreliable, Unrated.") String label;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      if (SourceRegistry.load(data.dir).byId(id).isPresent()) {
        spec.commandLine().getErr().println("vigil: source " + id + " exists; change it with `vigil sources set`");
        return ExitCodes.ERROR;
      }
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("name", name);
      f.put("homepages", homepages == null ? List.of() : homepages);
      f.put("domains", domains);
      if (country != null) {
        f.put("country", country.toUpperCase(Locale.ROOT));
      }
      f.put("languages", languages == null ? List.of() : languages);
      f.put("type", type);
      if (ownership != null) {
        f.put("ownership", ownership);
      }
      f.put("prior", prior);
      f.put("label", label);
      SourceRegistry.writeUserEntry(data.dir, id, f);
      spec.commandLine().getOut().println("Added " + id + " to " + data.dir.resolve(SourceRegistry.FILE_NAME));
      return ExitCodes.OK;
    }
  }

  @Command(mixinStandardHelpOptions = true, name = "set",
      description = {"Change fields of a source: vigil sources set tass prior=0.4 label=Mixed.",
          "List fields (domains, homepages, languages) take comma-separated values."})
  static final class Set implements Callable<Integer> {
    @Mixin DataDirOption data;
    @Parameters(index = "0", paramLabel = "ID") String id;
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FIELD=VALUE") List<String> assignments;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      if (SourceRegistry.load(data.dir).byId(id).isEmpty()) {
        spec.commandLine().getErr().println("vigil: no source " + id + "; add it with `vigil sources add`");
        return ExitCodes.ERROR;
      }
      Map<String, Object> f = new LinkedHashMap<>();
      for (String a : assignments) {
        int eq = a.indexOf('=');
        if (eq < 1) {
          throw new CommandLine.ParameterException(spec.commandLine(), "expected FIELD=VALUE, got: " + a);
        }
        String key = a.substring(0, eq).strip();
        String value = a.substring(eq + 1).strip();
        switch (key) {
          case "domains", "homepages", "languages" ->
              f.put(key, new ArrayList<>(Arrays.stream(value.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList()));
          case "prior" -> {
            try {
              f.put(key, Double.parseDouble(value));
            } catch (NumberFormatException e) {
              throw new CommandLine.ParameterException(spec.commandLine(), "prior must be a number from 0 to 1: " + value);
            }
          }
          default -> f.put(key, value);
        }
      }
      SourceRegistry.writeUserEntry(data.dir, id, f);
      spec.commandLine().getOut().println("Updated " + id + " in " + data.dir.resolve(SourceRegistry.FILE_NAME));
      return ExitCodes.OK;
    }
  }
}
