package dev.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VigilConfigTest {
  @TempDir Path dir;

  @Test
  void defaultsApplyWithoutAFile() {
    VigilConfig c = VigilConfig.load(dir);
    assertThat(c.serverHost()).isEqualTo("127.0.0.1");
    assertThat(c.serverPort()).isEqualTo(8080);
    assertThat(c.maxDocumentBytes()).isEqualTo(16L * 1024 * 1024);
    assertThat(c.ingestWorkers()).isPositive();
  }

  @Test
  void theUsersFileOverridesSomeKeysAndKeepsTheRest() throws Exception {
    Files.writeString(dir.resolve("config.yaml"), "server:\n  port: 9090\ningest:\n  workers: 3\n");
    VigilConfig c = VigilConfig.load(dir);
    assertThat(c.serverPort()).isEqualTo(9090);
    assertThat(c.serverHost()).isEqualTo("127.0.0.1");
    assertThat(c.ingestWorkers()).isEqualTo(3);
  }

  @Test
  void anUnknownKeyIsAnErrorNamingTheFileAndKey() throws Exception {
    Files.writeString(dir.resolve("config.yaml"), "server:\n  prot: 9090\n");
    assertThatThrownBy(() -> VigilConfig.load(dir)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("config.yaml").hasMessageContaining("'server.prot'")
        .hasMessageContaining("server.port");
  }

  @Test
  void aBadValueIsAnErrorNamingTheKey() throws Exception {
    Files.writeString(dir.resolve("config.yaml"), "server:\n  port: ninety\n");
    assertThatThrownBy(() -> VigilConfig.load(dir).serverPort()).isInstanceOf(ConfigException.class)
        .hasMessageContaining("server.port").hasMessageContaining("ninety");
    Files.writeString(dir.resolve("config.yaml"), "server:\n  port: 70000\n");
    assertThatThrownBy(() -> VigilConfig.load(dir).serverPort()).hasMessageContaining("between 0 and 65535");
    Files.writeString(dir.resolve("config.yaml"), "server: [1, 2]\n");
    assertThatThrownBy(() -> VigilConfig.load(dir)).hasMessageContaining("'server' must be a mapping");
  }

  @Test
  void brokenYamlIsAnErrorNamingTheFile() throws Exception {
    Files.writeString(dir.resolve("config.yaml"), "server: {port: [\n");
    assertThatThrownBy(() -> VigilConfig.load(dir)).hasMessageContaining("config.yaml: not valid YAML");
  }
}
