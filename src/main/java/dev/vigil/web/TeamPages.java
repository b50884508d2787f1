package dev.vigil.web;

import dev.vigil.store.Account;
import dev.vigil.store.CorrectedEvent;
import dev.vigil.store.EventCorrection;
import dev.vigil.store.Note;
import dev.vigil.store.Store;
import dev.vigil.store.StoredArticle;
import dev.vigil.team.Passwords;
import dev.vigil.team.Secrets;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Team mode's pages: {@code /login}, {@code /logout}, {@code /account} (with users and tokens
 * for admins), and the note and correction forms of the item pages ({@link TeamPanels}).
 */
final class TeamPages {
  /** Consecutive failed logins that lock an account, and for how long. */
  static final int MAX_FAILURES = 5;
  static final Duration LOCK = Duration.ofMinutes(15);
  private static final Duration SESSION = Duration.ofHours(12);
  private static final String LOGIN_COOKIE = "vigil_login";

  private final Store store;
  private final Templates templates;
  private final Function<String, Map<String, Object>> model;
  private final Access access;
  private final TeamItems items;
  private final LoginThrottle throttle = new LoginThrottle(20, Duration.ofMinutes(10));

  TeamPages(Store store, Templates templates, Function<String, Map<String, Object>> model,
      Access access, TeamItems items) {
    this.store = store;
    this.templates = templates;
    this.model = model;
    this.access = access;
    this.items = items;
  }

  /** {@code GET /login?next=}. */
  void loginForm(Context ctx) {
    if (!access.teamMode()) {
      ctx.redirect(next(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
      return;
    }
    ctx.html(renderLogin(ctx, ctx.queryParam("next"), "", null));
  }

  private String renderLogin(Context ctx, String next, String username, String error) {
    String token = Secrets.random(24); // double-submit token against login CSRF
    ctx.cookie(access.cookie(LOGIN_COOKIE, token, "/login"));
    Map<String, Object> m = model.apply("Sign in");
    m.put("loginCsrf", token);
    m.put("next", next(next));
    m.put("username", username);
    m.put("loginError", error);
    return templates.render("login", m);
  }

  /**
   * {@code POST /login}: checks the password (Argon2id) unless the address is throttled or the
   * account locked; on success starts a new session with a new id, whatever cookie came in.
   */
  void login(Context ctx) {
    if (!access.teamMode()) {
      ctx.redirect("/", HttpStatus.SEE_OTHER);
      return;
    }
    String username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    String next = ctx.formParam("next");
    if (!Secrets.same(ctx.formParam("_login"), ctx.cookie(LOGIN_COOKIE))) {
      ctx.status(403).html(renderLogin(ctx, next, username,
          "The sign-in form expired; please try again."));
      return;
    }
    String ip = ctx.ip();
    if (throttle.blocked(ip)) {
      ctx.status(429).html(renderLogin(ctx, next, username,
          "Too many failed sign-ins from your address; wait a few minutes."));
      return;
    }
    Optional<Account> account = username.isEmpty() || username.length() > 100
        ? Optional.empty() : store.accounts().get(username);
    boolean locked = account.map(a -> a.lockedUntil() != null
        && Instant.parse(a.lockedUntil()).isAfter(Instant.now())).orElse(false);
    Optional<String> hash = account.isEmpty() || locked ? Optional.empty()
        : store.accounts().passwordHash(username);
    boolean ok = hash.isPresent() && Passwords.verify(password, hash.get());
    if (hash.isEmpty()) {
      Passwords.verifyNobody(password); // the same time whether or not the account exists
    }
    if (!ok) {
      throttle.failed(ip);
      if (account.isPresent() && !locked) {
        store.accounts().loginFailed(username, MAX_FAILURES, LOCK);
      }
      ctx.status(401).html(renderLogin(ctx, next, username, "Wrong user name or password, or the"
          + " account is locked for " + LOCK.toMinutes() + " minutes after " + MAX_FAILURES
          + " failed sign-ins."));
      return;
    }
    String old = ctx.cookie(Access.SESSION_COOKIE);
    if (old != null && !old.isBlank() && old.length() <= 100) {
      store.accounts().endSession(old);
    }
    String session = Secrets.random(32); // a new id at every sign-in: no session fixation
    store.accounts().startSession(username, session, Secrets.random(32), SESSION);
    ctx.cookie(access.cookie(Access.SESSION_COOKIE, session, "/"));
    ctx.cookie(access.cookie(LOGIN_COOKIE, null, "/login"));
    ctx.redirect(next(next), HttpStatus.SEE_OTHER);
  }

  /** Only a path on this site: no open redirect. */
  static String next(String raw) {
    if (raw == null || !raw.startsWith("/") || raw.startsWith("//") || raw.contains("\\")
        || raw.startsWith("/login") || raw.length() > 500 || raw.chars().anyMatch(ch -> ch < 0x20)) {
      return "/";
    }
    return raw;
  }

  /** {@code POST /logout}: ends the session. */
  void logout(Context ctx) {
    String id = ctx.cookie(Access.SESSION_COOKIE);
    if (id != null && !id.isBlank() && id.length() <= 100) {
      store.accounts().endSession(id);
    }
    ctx.cookie(access.cookie(Access.SESSION_COOKIE, null, "/"));
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
  }

  /** {@code GET /account}: who is signed in; for admins also the accounts and tokens. */
  void account(Context ctx) {
    ctx.html(renderAccount(ctx, null, null));
  }

  private String renderAccount(Context ctx, Map<String, Object> newToken, String error) {
    Principal p = Access.principal(ctx);
    Map<String, Object> m = model.apply("Account");
    m.put("me", p);
    m.put("teamMode", access.teamMode());
    m.put("isAdmin", p.allows(Permission.ADMIN));
    if (p.allows(Permission.ADMIN)) {
      m.put("users", store.accounts().all());
      m.put("tokens", store.accounts().tokens(null));
      m.put("organisations", store.accounts().organisations());
    }
    m.put("newToken", newToken);
    m.put("formError", error);
    return templates.render("account", m);
  }

  /** {@code POST /admin/tokens}: makes a token and shows it this once. */
  void createToken(Context ctx) {
    Principal p = Access.principal(ctx);
    String user = TeamItems.blank(ctx.formParam("username"));
    try {
      Map<String, Object> t = TeamApi.createToken(store, p, user == null ? p.username() : user,
          ctx.formParam("label"), ctx.formParam("scope"));
      ctx.html(renderAccount(ctx, t, null));
    } catch (IllegalArgumentException e) {
      ctx.status(400).html(renderAccount(ctx, null, e.getMessage()));
    }
  }

  /** {@code POST /admin/tokens/{id}/revoke}. */
  void revokeToken(Context ctx) {
    String id = ctx.pathParam("id");
    if (!store.accounts().revokeToken(id, Access.principal(ctx).editor())) {
      throw HttpError.notFound("no active token '" + Api.clip(id) + "'");
    }
    ctx.redirect("/account", HttpStatus.SEE_OTHER);
  }

  /** {@code POST /admin/users/{name}/disable}. */
  void disableUser(Context ctx) {
    String name = ctx.pathParam("name");
    Principal p = Access.principal(ctx);
    if (name.equals(p.username())) {
      throw HttpError.badRequest("you cannot disable your own account");
    }
    if (!store.accounts().disable(name, p.editor())) {
      throw HttpError.notFound("no user '" + Api.clip(name) + "'");
    }
    ctx.redirect("/account", HttpStatus.SEE_OTHER);
  }

  /** {@code POST /notes} (form: item, tlp, body): adds a note, back to the item's page. */
  void addNote(Context ctx) {
    TeamItems.Item item = items.item(ctx.formParam("item"), Access.visibility(ctx));
    store.analysts().addNote(item.kind(), item.id(), TeamItems.tlp(ctx.formParam("tlp")),
        TeamItems.noteBody(ctx.formParam("body")), Access.principal(ctx).editor());
    ctx.redirect(item.page(), HttpStatus.SEE_OTHER);
  }

  /** {@code POST /notes/{id}/delete}. */
  void removeNote(Context ctx) {
    Note n = TeamApi.removeNote(ctx, store, ctx.pathParam("id"));
    ctx.redirect(new TeamItems.Item(n.itemKind(), n.itemId()).page(), HttpStatus.SEE_OTHER);
  }

  /** {@code POST /articles/{id}/events/{n}/correction}: the correction form. */
  void correct(Context ctx) {
    StoredArticle a = items.article(ctx.pathParam("id"), Access.visibility(ctx));
    CorrectedEvent target = items.event(a, ctx.pathParam("n"));
    EventCorrection c = TeamItems.correction(a.article().id(), target, ctx.formParam("verdict"),
        ctx.formParam("type"), ctx.formParam("placeName"), ctx.formParam("lat"),
        ctx.formParam("lon"), ctx.formParam("date"), ctx.formParam("reason"),
        items.actors(ctx.formParam("actors")), Access.principal(ctx).username());
    store.analysts().correct(c, Access.principal(ctx).editor());
    store.refreshIndex(); // search and facets see the corrected event at once
    ctx.redirect(new TeamItems.Item("event", a.article().id() + "#" + target.original().id()).page(),
        HttpStatus.SEE_OTHER);
  }
}
