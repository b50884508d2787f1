package dev.vigil.cli;

import dev.vigil.kb.ActorBase;
import dev.vigil.store.Store;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vigil kb export}: the analysts' knowledge-base entries in the format of kb.yaml. */
@Command(mixinStandardHelpOptions = true, name = "kb",
    description = "The knowledge-base entries analysts added or changed in Vigil.",
    subcommands = {KbCommand.Export.class})
final class KbCommand {
  /** Writes the entries as kb.yaml, so they can be kept with the data directory's own file. */
  @Command(mixinStandardHelpOptions = true, name = "export",
      description = {"Write the analysts' knowledge-base entries in the format of kb.yaml",
          "(to standard output, or --out FILE), e.g. to merge them into DATA/kb.yaml."})
  static final class Export implements Callable<Integer> {
    @Mixin DataDirOption data;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path outFile;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      try (Store store = Store.open(data.dir)) {
        var entries = store.kb().entries();
        if (outFile == null) {
          Writer w = spec.commandLine().getOut();
          ActorBase.writeYaml(entries, w);
          w.flush();
        } else {
          try (Writer w = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
            ActorBase.writeYaml(entries, w);
          }
          spec.commandLine().getErr().println("Wrote " + entries.size() + " entries to " + outFile);
        }
        return ExitCodes.OK;
      }
    }
  }
}
