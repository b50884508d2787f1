package dev.vigil.cli;

import dev.vigil.config.VigilConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data DIR}, shared by the commands that use a data directory. */
final class DataDirOption {
  @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:VIGIL_DATA:-vigil-data}",
      description = "Data directory (default: ${DEFAULT-VALUE}).")
  Path dir;

  VigilConfig config() {
    return VigilConfig.load(dir);
  }
}
