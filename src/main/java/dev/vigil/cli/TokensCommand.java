package dev.vigil.cli;

import dev.vigil.store.ApiToken;
import dev.vigil.store.Store;
import dev.vigil.team.Secrets;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil tokens create|list|revoke}: API tokens of team mode. */
@Command(mixinStandardHelpOptions = true, name = "tokens", sortOptions = false,
    description = {
        "Manage API tokens (sent as 'Authorization: Bearer TOKEN'). A token acts for its user,",
        "limited to reading with scope read; it is shown once and stored only as a hash.",
    },
    subcommands = {TokensCommand.Create.class, TokensCommand.ListCommand.class, TokensCommand.Revoke.class})
final class TokensCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code vigil tokens create --user NAME --scope read|write [--label TEXT]}. */
  @Command(mixinStandardHelpOptions = true, name = "create",
      description = "Create a token; prints it this once.")
  static final class Create implements Callable<Integer> {
    @Mixin DataDirOption data;

    @Option(names = "--user", required = true, paramLabel = "USER", description = "The account the token acts for.")
    String user;

    @Option(names = "--scope", defaultValue = "read", paramLabel = "SCOPE", description = "read (default) or write.")
    String scope;

    @Option(names = "--label", defaultValue = "cli", paramLabel = "TEXT", description = "What it is for (default: ${DEFAULT-VALUE}).")
    String label;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      String token = "vgl_" + Secrets.random(32);
      try (Store store = Store.open(data.dir)) {
        ApiToken t = store.accounts().createToken(user, label, scope, token, UsersCommand.cli());
        PrintWriter out = spec.commandLine().getOut();
        out.println("Token " + t.id() + " (" + t.scope() + ") for " + t.username()
            + "; it is shown only now:");
        out.println(token);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      return ExitCodes.OK;
    }
  }

  /** {@code vigil tokens list [--user NAME]}. */
  @Command(mixinStandardHelpOptions = true, name = "list", description = "List tokens (never the tokens themselves).")
  static final class ListCommand implements Callable<Integer> {
    @Mixin DataDirOption data;

    @Option(names = "--user", paramLabel = "USER", description = "Only this user's tokens.")
    String user;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Store store = Store.open(data.dir)) {
        out.printf("%-16s %-20s %-6s %-24s %-24s %s%n", "ID", "USER", "SCOPE", "LAST USED", "REVOKED", "LABEL");
        for (ApiToken t : store.accounts().tokens(user)) {
          out.printf("%-16s %-20s %-6s %-24s %-24s %s%n", t.id(), t.username(), t.scope(),
              t.lastUsed() == null ? "never" : t.lastUsed(), t.revoked() == null ? "-" : t.revoked(), t.label());
        }
      }
      return ExitCodes.OK;
    }
  }

  /** {@code vigil tokens revoke ID}. */
  @Command(mixinStandardHelpOptions = true, name = "revoke", description = "Revoke a token at once.")
  static final class Revoke implements Callable<Integer> {
    @Mixin DataDirOption data;

    @Parameters(paramLabel = "ID", description = "The token's id (tok-...), from `vigil tokens list`.")
    String id;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      try (Store store = Store.open(data.dir)) {
        if (!store.accounts().revokeToken(id, UsersCommand.cli())) {
          spec.commandLine().getErr().println("no active token '" + id + "'");
          return ExitCodes.ERROR;
        }
      }
      spec.commandLine().getOut().println("Token " + id + " revoked.");
      return ExitCodes.OK;
    }
  }
}
