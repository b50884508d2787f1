package dev.vigil.cli;

import dev.vigil.store.Account;
import dev.vigil.store.Editor;
import dev.vigil.store.Store;
import dev.vigil.team.Passwords;
import dev.vigil.team.Role;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil users add|list|disable}: the accounts of team mode ({@code vigil serve --auth}). */
@Command(mixinStandardHelpOptions = true, name = "users", sortOptions = false,
    description = {
        "Manage the accounts of team mode (vigil serve --auth). Roles: admin (users and tokens),",
        "analyst (writes watchlists, notes, corrections), viewer (reads). The first admin is made here.",
    },
    subcommands = {UsersCommand.Add.class, UsersCommand.ListCommand.class, UsersCommand.Disable.class})
final class UsersCommand implements Runnable {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Who the audit log names for changes made on the command line. */
  static Editor cli() {
    return new Editor("cli:" + System.getProperty("user.name", "unknown"), "cli");
  }

  /** {@code vigil users add --org ORG --role ROLE NAME}; the password comes from the terminal or stdin. */
  @Command(mixinStandardHelpOptions = true, name = "add",
      description = {"Create an account (and its organisation if new). The password is asked for on",
          "the terminal, or read as the first line of standard input; never give it as an argument."})
  static final class Add implements Callable<Integer> {
    @Mixin DataDirOption data;

    @Option(names = "--org", required = true, paramLabel = "NAME", description = "Organisation the account belongs to.")
    String org;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin, analyst or viewer.")
    String role;

    @Parameters(paramLabel = "USER", description = "User name (letters, digits, . _ @ -).")
    String username;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      CommandLine cl = spec.commandLine();
      if (!NAME.matcher(username).matches()) {
        throw new CommandLine.ParameterException(cl, "user name '" + username
            + "' must be 1-100 letters, digits, '.', '_', '@' or '-'");
      }
      if (!NAME.matcher(org).matches()) {
        throw new CommandLine.ParameterException(cl, "organisation '" + org
            + "' must be 1-100 letters, digits, '.', '_', '@' or '-'");
      }
      Role r;
      try {
        r = Role.parse(role);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cl, e.getMessage());
      }
      String password = readPassword(cl.getOut());
      try {
        Passwords.check(password);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cl, e.getMessage());
      }
      try (Store store = Store.open(data.dir)) {
        Account a = store.accounts().add(username, org, r, Passwords.hash(password), cli());
        cl.getOut().println("User " + a.username() + " created: " + a.role().id() + " of " + a.organisation());
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cl, e.getMessage());
      }
      return ExitCodes.OK;
    }

    private static String readPassword(PrintWriter out) throws IOException {
      Console console = System.console();
      if (console != null) {
        char[] first = console.readPassword("Password for the new account: ");
        char[] again = console.readPassword("Again: ");
        if (first == null || again == null || !Arrays.equals(first, again)) {
          throw new IllegalArgumentException("the two passwords differ");
        }
        return new String(first);
      }
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line = in.readLine();
      return line == null ? "" : line;
    }
  }

  /** {@code vigil users list}. */
  @Command(mixinStandardHelpOptions = true, name = "list", description = "List the accounts.")
  static final class ListCommand implements Callable<Integer> {
    @Mixin DataDirOption data;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Store store = Store.open(data.dir)) {
        out.printf("%-24s %-20s %-8s %s%n", "USER", "ORGANISATION", "ROLE", "STATE");
        for (Account a : store.accounts().all()) {
          out.printf("%-24s %-20s %-8s %s%n", a.username(), a.organisation(), a.role().id(),
              a.disabled() ? "disabled" : a.lockedUntil() != null ? "locked until " + a.lockedUntil() : "active");
        }
      }
      return ExitCodes.OK;
    }
  }

  /** {@code vigil users disable NAME}. */
  @Command(mixinStandardHelpOptions = true, name = "disable",
      description = "Disable an account: its sessions end and its API tokens are revoked.")
  static final class Disable implements Callable<Integer> {
    @Mixin DataDirOption data;

    @Parameters(paramLabel = "USER")
    String username;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      try (Store store = Store.open(data.dir)) {
        if (!store.accounts().disable(username, cli())) {
          spec.commandLine().getErr().println("no user '" + username + "'");
          return ExitCodes.ERROR;
        }
      }
      spec.commandLine().getOut().println("User " + username + " disabled.");
      return ExitCodes.OK;
    }
  }
}
