package dev.vigil.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code vigil eval}: measures each extractor against labelled development data and prints its
 * figures. Each measure is a subcommand.
 */
@Command(mixinStandardHelpOptions = true, name = "eval", sortOptions = false,
    description = {
        "Measure an extractor against labelled data (e.g. ../shared/data/dev) and print",
        "its figures: precision, recall, F1 and speed.",
    },
    subcommands = {
        EvalExtractionCommand.class,
        EvalClusteringCommand.class,
        EvalNerCommand.class,
        EvalEventsCommand.class,
        EvalGeoCommand.class,
        EvalDedupCommand.class,
    })
final class EvalCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
