package dev.vigil.cli;

import static dev.vigil.cli.CliTest.vigil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.store.Store;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersCommandTest {
  @TempDir Path dir;

  static CliTest.Run withStdin(String stdin, String... args) {
    InputStream old = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      return vigil(args);
    } finally {
      System.setIn(old);
    }
  }

  @Test
  void theFirstAdminIsMadeWithThePasswordFromStdin() {
    String data = dir.toString();
    CliTest.Run r = withStdin("a long enough password\n", "users", "add", "--data", data,
        "--org", "alpha", "--role", "admin", "ann");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("User ann created: admin of alpha");
    assertThat(vigil("users", "list", "--data", data).out()).contains("ann").contains("alpha").contains("active");
    try (Store store = Store.open(dir)) {
      String hash = store.accounts().passwordHash("ann").orElseThrow();
      assertThat(hash).startsWith("$argon2id$").doesNotContain("long enough");
    }
  }

  @Test
  void badInputIsRefusedWithTheReason() {
    String data = dir.toString();
    assertThat(withStdin("short\n", "users", "add", "--data", data, "--org", "o", "--role", "viewer", "bob").err())
        .contains("at least 10");
    assertThat(withStdin("a long enough password\n", "users", "add", "--data", data, "--org", "o",
        "--role", "root", "bob").err()).contains("unknown role 'root'");
    assertThat(withStdin("a long enough password\n", "users", "add", "--data", data, "--org", "o",
        "--role", "viewer", "bad name").err()).contains("must be 1-100 letters");
    withStdin("a long enough password\n", "users", "add", "--data", data, "--org", "o", "--role", "viewer", "bob");
    assertThat(withStdin("a long enough password\n", "users", "add", "--data", data, "--org", "o",
        "--role", "viewer", "bob").err()).contains("already a user 'bob'");
    // there is no way to give the password as an argument
    assertThat(vigil("users", "add", "--data", data, "--org", "o", "--role", "viewer", "--password", "x", "eve").status())
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void tokensAreShownOnceListedWithoutThemAndRevoked() {
    String data = dir.toString();
    withStdin("a long enough password\n", "users", "add", "--data", data, "--org", "alpha", "--role", "analyst", "ann");
    CliTest.Run made = vigil("tokens", "create", "--data", data, "--user", "ann", "--scope", "write", "--label", "robot");
    assertThat(made.status()).as(made.err()).isZero();
    String token = made.lines().get(1);
    assertThat(token).startsWith("vgl_").hasSizeGreaterThan(40);
    String id = made.lines().get(0).split(" ")[1];
    CliTest.Run list = vigil("tokens", "list", "--data", data);
    assertThat(list.out()).contains(id).contains("robot").contains("write").doesNotContain(token);
    try (Store store = Store.open(dir)) {
      assertThat(store.accounts().token(token)).isPresent();
    }
    assertThat(vigil("tokens", "revoke", "--data", data, id).status()).isZero();
    assertThat(vigil("tokens", "revoke", "--data", data, id).status()).isEqualTo(ExitCodes.ERROR);
    try (Store store = Store.open(dir)) {
      assertThat(store.accounts().token(token)).isEmpty();
    }
    assertThat(vigil("users", "disable", "--data", data, "ann").status()).isZero();
    assertThat(vigil("tokens", "create", "--data", data, "--user", "ann").err()).contains("no enabled user 'ann'");
  }
}
