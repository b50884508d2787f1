package dev.vigil.web;

import dev.vigil.store.Visibility;
import dev.vigil.store.Account;
import dev.vigil.store.AccountStore;
import dev.vigil.store.ApiToken;
import dev.vigil.team.Secrets;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one access check in front of every route (a before-handler): works out who is asking
 * (session cookie, {@code Authorization: Bearer} token, or the local user when team mode is
 * off), what the route needs ({@link #permission}), and refuses with 401 (pages: a redirect to
 * {@code /login}) or 403. A state-changing request signed in by session must carry the
 * session's CSRF token ({@code _csrf} form field or {@code X-CSRF-Token} header); API requests
 * with a bearer token are exempt, since a browser never adds that header by itself.
 *
 * <p>New routes need no change here: GET and HEAD need {@link Permission#READ}, every other
 * method {@link Permission#WRITE}; {@link #RULES} lists only the exceptions.
 */
final class Access {
  static final String SESSION_COOKIE = "vigil_session";
  private static final String PRINCIPAL = "vigil.principal";
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
  private static final Pattern FORM_TAG =
      Pattern.compile("<form\\b[^>]*\\bmethod=\"post\"[^>]*>", Pattern.CASE_INSENSITIVE);

  /** A route pattern: {@code *} as method matches any; a trailing {@code /*} any rest of the path. */
  record Rule(String method, String path, Permission permission) {
    boolean matches(String m, String p) {
      if (!method.equals("*") && !method.equals(m)) {
        return false;
      }
      if (path.endsWith("/*")) {
        String base = path.substring(0, path.length() - 2);
        return p.equals(base) || p.startsWith(base + "/");
      }
      return path.equals(p);
    }
  }

  /** The routes whose permission differs from the default by method; first match wins. */
  static final List<Rule> RULES = List.of(
      new Rule("GET", "/login", Permission.PUBLIC),
      new Rule("POST", "/login", Permission.PUBLIC),
      new Rule("GET", "/static/*", Permission.PUBLIC),
      new Rule("POST", "/logout", Permission.SIGNED_IN),
      new Rule("GET", "/account", Permission.SIGNED_IN),
      new Rule("*", "/admin/*", Permission.ADMIN),
      new Rule("*", "/api/v1/users/*", Permission.ADMIN),
      new Rule("*", "/api/v1/tokens/*", Permission.ADMIN));

  private final AccountStore accounts;
  private final boolean teamMode;
  private final boolean secureCookies;

  Access(AccountStore accounts, boolean teamMode, boolean secureCookies) {
    this.accounts = accounts;
    this.teamMode = teamMode;
    this.secureCookies = secureCookies;
  }

  boolean teamMode() {
    return teamMode;
  }

  /**
   * What {@code method} on {@code path} needs: the stricter of the rules for the path as sent
   * and as decoded, so that an encoded slash or letter cannot dodge a rule.
   */
  static Permission permission(String method, String path) {
    String decoded;
    try {
      decoded = java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8)
          .replaceAll("/{2,}", "/");
    } catch (IllegalArgumentException e) {
      decoded = path;
    }
    Permission raw = rule(method, path);
    Permission plain = rule(method, decoded);
    return raw.compareTo(plain) >= 0 ? raw : plain;
  }

  private static Permission rule(String method, String path) {
    String m = method.toUpperCase(Locale.ROOT);
    for (Rule r : RULES) {
      if (r.matches(m, path)) {
        return r.permission();
      }
    }
    return SAFE.contains(m) ? Permission.READ : Permission.WRITE;
  }

  /** The before-handler. */
  void check(Context ctx) {
    String method = ctx.method().name();
    Permission need = permission(method, ctx.path());
    if (!SAFE.contains(method)) {
      requireSameOrigin(ctx);
    }
    if (!teamMode) {
      ctx.attribute(PRINCIPAL, Principal.LOCAL);
      return;
    }
    Principal p = authenticate(ctx);
    if (p != null) {
      ctx.attribute(PRINCIPAL, p);
    }
    if (need == Permission.PUBLIC) {
      return;
    }
    if (p == null) {
      if (!ctx.path().startsWith("/api/") && method.equals("GET")) {
        ctx.redirect("/login?next=" + java.net.URLEncoder.encode(
            ctx.path(), java.nio.charset.StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
        ctx.skipRemainingHandlers();
        return;
      }
      ctx.header("WWW-Authenticate", "Bearer realm=\"vigil\"");
      throw new HttpError(401, "sign in first (a session, or an API token as 'Authorization: Bearer')");
    }
    if (!p.allows(need)) {
      throw new HttpError(403, "your account (" + p.role().id() + (p.readOnly() ? ", read-only token" : "")
          + ") may not do this");
    }
    if (p.via() == Principal.Via.SESSION && !SAFE.contains(method)) {
      String sent = ctx.header("X-CSRF-Token");
      if (sent == null) {
        sent = ctx.formParam("_csrf");
      }
      if (!Secrets.same(sent, p.csrf())) {
        throw new HttpError(403, "missing or wrong CSRF token; reload the page and try again");
      }
    }
  }

  /** The account behind the request's token or session cookie, or null. */
  private Principal authenticate(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      Optional<Map.Entry<Account, ApiToken>> t = accounts.token(auth.substring(7).strip());
      if (t.isEmpty()) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"vigil\", error=\"invalid_token\"");
        throw new HttpError(401, "the API token is unknown, revoked or its account disabled");
      }
      accounts.tokenUsed(t.get().getValue());
      Account a = t.get().getKey();
      return new Principal(a.username(), a.organisation(), a.role(), Principal.Via.TOKEN,
          !t.get().getValue().scope().equals("write"), null);
    }
    String id = ctx.cookie(SESSION_COOKIE);
    if (id == null || id.isBlank() || id.length() > 100) {
      return null;
    }
    return accounts.session(id).map(s -> new Principal(s.account().username(),
        s.account().organisation(), s.account().role(), Principal.Via.SESSION, false, s.csrf()))
        .orElse(null);
  }

  /** Who makes the request (after {@link #check}); the local user when team mode is off. */
  static Principal principal(Context ctx) {
    Principal p = ctx.attribute(PRINCIPAL);
    if (p == null) {
      throw new HttpError(401, "sign in first");
    }
    return p;
  }

  /**
   * What the caller may see (after {@link #check}): every route that shows stored items asks
   * this, and passes it on to the store, the index and the story reports.
   */
  static Visibility visibility(Context ctx) {
    return principal(ctx).visibility();
  }

  /** The principal, or null on a public route without one. */
  static Principal principalOrNull(Context ctx) {
    return ctx.attribute(PRINCIPAL);
  }

  /**
   * The after-handler: puts the session's CSRF token into every POST form of an HTML page, so
   * that forms of every page (also of routes added later) carry it without each template
   * knowing about it.
   */
  void addCsrfToForms(Context ctx) {
    Principal p = ctx.attribute(PRINCIPAL);
    String type = ctx.res().getContentType();
    if (p == null || p.csrf() == null || type == null || !type.startsWith("text/html")) {
      return;
    }
    String html = ctx.result();
    if (html == null) {
      return;
    }
    String field = "<input type=\"hidden\" name=\"_csrf\" value=\"" + p.csrf() + "\">";
    Matcher m = FORM_TAG.matcher(html);
    ctx.result(m.replaceAll(r -> Matcher.quoteReplacement(r.group() + field)));
  }

  /** A session cookie (or its removal, with a null value) with this server's cookie settings. */
  Cookie cookie(String name, String value, String path) {
    Cookie c = new Cookie(name, value == null ? "" : value);
    c.setPath(path);
    c.setHttpOnly(true);
    c.setSecure(secureCookies);
    c.setSameSite(SameSite.STRICT);
    c.setMaxAge(value == null ? 0 : -1);
    return c;
  }

  /** A browser sends Origin with a form POST; one from another site is refused. */
  private static void requireSameOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null || origin.equals("null") && ctx.header("Sec-Fetch-Site") == null) {
      return; // not a browser, or an old one: the CSRF token (team mode) still applies
    }
    String host = null;
    try {
      host = URI.create(origin).getAuthority();
    } catch (IllegalArgumentException e) {
      // treated as foreign below
    }
    if (host == null || !host.equalsIgnoreCase(ctx.host())) {
      throw new HttpError(403, "request sent from another site (" + Api.clip(origin) + ")");
    }
  }
}
