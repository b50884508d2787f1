package dev.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.Articles;
import dev.vigil.internal.Json;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Annotations;
import dev.vigil.model.Event;
import dev.vigil.store.Editor;
import dev.vigil.store.Store;
import dev.vigil.team.Passwords;
import dev.vigil.team.Role;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Team mode on a real server over loopback: the authorisation matrix over every registered
 * route and every role of two organisations, TLP visibility of notes, corrections that
 * survive re-analysis, and the attacks of issue 10 (SQL injection, stored XSS, CSRF, session
 * fixation, brute force, revoked tokens, path traversal).
 */
class TeamWebIT {
  static final String PASSWORD = "correct horse battery staple";
  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  static final Pattern LOGIN = Pattern.compile("name=\"_login\" value=\"([^\"]+)\"");
  @TempDir static Path dir;
  static Store store;
  static WebServer server;
  static long storyId;
  static final HttpClient http = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER).build();
  static final Map<String, Client> users = new LinkedHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    store = Store.open(dir);
    store.write(List.of(Articles.placed("art-1"), Articles.placed("art-2"),
        Articles.of("art-3", "Other news", "Nothing happened in Herat.", "2025-01-01")));
    // beta's own field reports about the same clash: AMBER, AMBER+STRICT and RED (see TLP tests)
    for (String tlp : List.of("AMBER", "AMBER+STRICT", "RED")) {
      store.write(List.of(betaReport(HIDDEN.get(tlp), " Codeword zarafshan.")),
          dev.vigil.store.Marking.of(tlp, "beta"));
    }
    dev.vigil.stories.StoryUpdater.standard().catchUp(store); // art-1 and art-2 make one story
    storyId = store.stories().storyOf("art-1").orElseThrow();
    String hash = Passwords.hash(PASSWORD);
    Editor setup = new Editor("setup", "setup");
    store.accounts().add("admin-a", "alpha", Role.ADMIN, hash, setup);
    store.accounts().add("analyst-a", "alpha", Role.ANALYST, hash, setup);
    store.accounts().add("viewer-a", "alpha", Role.VIEWER, hash, setup);
    store.accounts().add("analyst-b", "beta", Role.ANALYST, hash, setup);
    store.accounts().add("viewer-b", "beta", Role.VIEWER, hash, setup);
    store.accounts().add("victim", "beta", Role.VIEWER, hash, setup);
    server = WebServer.start(store, "127.0.0.1", 0, "test", new WebServer.Auth(true, false));
    for (String u : List.of("admin-a", "analyst-a", "viewer-a", "analyst-b", "viewer-b")) {
      Client c = new Client();
      assertThat(c.login(u, PASSWORD).statusCode()).isEqualTo(303);
      users.put(u, c);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
    store.close();
  }

  /** Beta's restricted reports by marking; alpha must never learn of them. */
  static final Map<String, String> HIDDEN = Map.of("AMBER", "beta-amber", "AMBER+STRICT",
      "beta-strict", "RED", "beta-red");
  static final String BETA_SOURCE = "Beta Field Team";

  /** A report of beta's own field team on the border clash, with {@code extra} appended. */
  static AnalyzedArticle betaReport(String id, String extra) {
    AnalyzedArticle a = Articles.placed(id);
    dev.vigil.model.Article x = a.article();
    return new AnalyzedArticle(new dev.vigil.model.Article(id, null, BETA_SOURCE, "Field report "
        + id, null, x.published(), x.language(), x.text() + extra, "test:" + id, x.ingested()),
        a.annotations());
  }

  /** A browser: keeps cookies, knows its session's CSRF token. */
  static final class Client {
    final Map<String, String> cookies = new LinkedHashMap<>();
    String csrf;
    String bearer;
    WebServer at = server; // the server it talks to (another IT may start its own)

    HttpResponse<String> send(String method, String path, String type, String body,
        Map<String, String> headers) throws Exception {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + at.port() + path))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body));
      if (type != null) {
        b.header("Content-Type", type);
      }
      if (!cookies.isEmpty()) {
        b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("; ")));
      }
      if (bearer != null) {
        b.header("Authorization", "Bearer " + bearer);
      }
      headers.forEach(b::header);
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      for (String set : r.headers().allValues("Set-Cookie")) {
        String pair = set.split(";", 2)[0];
        String name = pair.substring(0, pair.indexOf('='));
        String value = pair.substring(pair.indexOf('=') + 1);
        if (value.isEmpty() || set.contains("Max-Age=0")) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
      return r;
    }

    HttpResponse<String> get(String path) throws Exception {
      return send("GET", path, null, null, Map.of());
    }

    HttpResponse<String> form(String path, Map<String, String> fields, boolean withCsrf) throws Exception {
      Map<String, String> f = new LinkedHashMap<>(fields);
      if (withCsrf && csrf != null) {
        f.put("_csrf", csrf);
      }
      return send("POST", path, "application/x-www-form-urlencoded", encode(f), Map.of());
    }

    HttpResponse<String> json(String method, String path, Object body) throws Exception {
      Map<String, String> h = csrf != null ? Map.of("X-CSRF-Token", csrf) : Map.of();
      return send(method, path, "application/json", body == null ? null : Json.write(body), h);
    }

    HttpResponse<String> login(String user, String password) throws Exception {
      HttpResponse<String> page = get("/login");
      Matcher m = LOGIN.matcher(page.body());
      assertThat(m.find()).as(page.body()).isTrue();
      HttpResponse<String> r = form("/login", Map.of("username", user, "password", password,
          "_login", m.group(1)), false);
      if (r.statusCode() == 303) {
        Matcher token = CSRF.matcher(get("/account").body()); // injected into the sign-out form
        csrf = token.find() ? token.group(1) : null;
      }
      return r;
    }
  }

  static String encode(Map<String, String> f) {
    return f.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return Json.mapper().readTree(r.body());
  }

  static Client token(String user, String scope) {
    Client c = new Client();
    c.bearer = "vgl_" + dev.vigil.team.Secrets.random(32);
    store.accounts().createToken(user, "test", scope, c.bearer, new Editor("setup", "setup"));
    return c;
  }

  /** The policy, written out independently of Access.RULES. */
  static Permission expected(String method, String path) {
    if (path.equals("/login") || path.startsWith("/static/")) {
      return Permission.PUBLIC;
    }
    if (path.equals("/logout") || path.equals("/account")) {
      return Permission.SIGNED_IN;
    }
    if (path.startsWith("/admin/") || path.startsWith("/api/v1/users") || path.startsWith("/api/v1/tokens")) {
      return Permission.ADMIN;
    }
    return method.equals("GET") ? Permission.READ : Permission.WRITE;
  }

  static String concrete(String route) {
    return route.replace("/articles/{id}", "/articles/art-1").replace("/stories/{id}", "/stories/" + storyId)
        .replace("{n}", "0").replace("{name}", "nobody").replace("{id}", "999999");
  }

  @Test
  void everyRouteAnswersEachRoleAsThePolicySays() throws Exception {
    List<String> routes = server.routes();
    assertThat(routes).contains("GET /api/v1/audit", "POST /notes", "DELETE /api/v1/tokens/{id}");
    Map<String, Client> callers = new LinkedHashMap<>();
    callers.put("anonymous", new Client());
    callers.putAll(users);
    callers.put("token:viewer-a:read", token("viewer-a", "read"));
    callers.put("token:analyst-b:read", token("analyst-b", "read"));
    callers.put("token:analyst-b:write", token("analyst-b", "write"));
    Map<String, Role> roles = Map.of("admin-a", Role.ADMIN, "analyst-a", Role.ANALYST,
        "viewer-a", Role.VIEWER, "analyst-b", Role.ANALYST, "viewer-b", Role.VIEWER);
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (String route : routes) {
      String method = route.substring(0, route.indexOf(' '));
      String path = concrete(route.substring(route.indexOf(' ') + 1));
      if (path.equals("/logout") || path.equals("/login")) {
        continue; // they change the caller's session: tested on their own below
      }
      Permission need = expected(method, path);
      for (Map.Entry<String, Client> caller : callers.entrySet()) {
        String who = caller.getKey();
        boolean allowed;
        if (who.equals("anonymous")) {
          allowed = need == Permission.PUBLIC;
        } else if (who.startsWith("token:")) {
          String[] p = who.split(":");
          allowed = need != Permission.WRITE && need != Permission.ADMIN
              || p[2].equals("write") && (need == Permission.WRITE || p[1].startsWith("admin"));
        } else {
          Role r = roles.get(who);
          allowed = switch (need) {
            case PUBLIC, SIGNED_IN, READ -> true;
            case WRITE -> r.atLeast(Role.ANALYST);
            case ADMIN -> r == Role.ADMIN;
          };
        }
        HttpResponse<String> r = method.equals("GET")
            ? caller.getValue().get(path)
            : caller.getValue().json(method, path, Map.of());
        int s = r.statusCode();
        boolean ok;
        if (allowed) {
          ok = s != 401 && s != 403 && s < 500;
        } else if (who.equals("anonymous")) {
          ok = s == 401 || s == 303 && r.headers().firstValue("Location").orElse("").startsWith("/login");
        } else {
          ok = s == 403;
        }
        checked++;
        if (!ok) {
          failures.add(who + " " + method + " " + path + " -> " + s + " (" + (allowed ? "allowed" : "denied") + ")");
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(checked).isGreaterThan(routes.size() * 5);
  }

  @Test
  void anonymousApiCallsGet401AndPagesRedirectToLogin() throws Exception {
    Client anon = new Client();
    HttpResponse<String> api = anon.get("/api/v1/articles");
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(api.body()).doesNotContain("art-1");
    HttpResponse<String> page = anon.get("/articles/art-1");
    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(page.headers().firstValue("Location")).hasValue("/login?next=%2Farticles%2Fart-1");
    assertThat(anon.get("/static/vigil.css").statusCode()).isEqualTo(200);
  }

  @Test
  void securityHeadersAndCookieFlags() throws Exception {
    HttpResponse<String> r = new Client().get("/login");
    assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v ->
        assertThat(v).contains("frame-ancestors 'none'"));
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    Client c = new Client();
    HttpResponse<String> page = c.get("/login");
    Matcher m = LOGIN.matcher(page.body());
    assertThat(m.find()).isTrue();
    HttpResponse<String> login = c.form("/login", Map.of("username", "viewer-a", "password", PASSWORD,
        "_login", m.group(1)), false);
    String cookie = login.headers().allValues("Set-Cookie").stream()
        .filter(s -> s.startsWith(Access.SESSION_COOKIE + "=")).findFirst().orElseThrow();
    assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict").doesNotContain("Secure");
    assertThat(c.get("/account").headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void notesFollowTheTlpRulesOfTheirOrganisation() throws Exception {
    Client analyst = users.get("analyst-a");
    Map<String, String> ids = new LinkedHashMap<>();
    for (String tlp : List.of("CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED")) {
      HttpResponse<String> r = analyst.json("POST", "/api/v1/notes",
          Map.of("item", "story:" + storyId, "tlp", tlp, "body", "tlp-note " + tlp));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      ids.put(tlp, json(r).get("id").asText());
    }
    String item = "/api/v1/notes?item=" + URLEncoder.encode("story:" + storyId, StandardCharsets.UTF_8);
    assertThat(bodies(json(users.get("viewer-a").get(item)))).contains("tlp-note CLEAR",
        "tlp-note GREEN", "tlp-note AMBER", "tlp-note AMBER+STRICT", "tlp-note RED");
    for (String other : List.of("viewer-b", "analyst-b")) {
      assertThat(bodies(json(users.get(other).get(item)))).filteredOn(b -> b.startsWith("tlp-note"))
          .containsExactlyInAnyOrder("tlp-note CLEAR", "tlp-note GREEN");
      String page = users.get(other).get("/stories/" + storyId).body();
      assertThat(page).contains("tlp-note GREEN").doesNotContain("tlp-note AMBER").doesNotContain("tlp-note RED");
      String audit = users.get(other).get("/api/v1/audit?limit=500").body();
      assertThat(audit).contains("tlp-note GREEN").doesNotContain("tlp-note AMBER").doesNotContain("tlp-note RED");
    }
    assertThat(users.get("viewer-a").get("/stories/" + storyId).body()).contains("tlp-note RED");
    // another organisation cannot remove them: what it cannot see does not exist for it
    assertThat(users.get("analyst-b").json("DELETE", "/api/v1/notes/" + ids.get("RED"), null).statusCode()).isEqualTo(404);
    assertThat(users.get("analyst-b").json("DELETE", "/api/v1/notes/" + ids.get("GREEN"), null).statusCode()).isEqualTo(403);
    assertThat(users.get("analyst-a").json("DELETE", "/api/v1/notes/" + ids.get("CLEAR"), null).statusCode()).isEqualTo(204);
    // the removal is in the history, with what was removed
    JsonNode history = json(users.get("viewer-a").get("/api/v1/audit?item="
        + URLEncoder.encode("story:" + storyId, StandardCharsets.UTF_8)));
    assertThat(history.get("items").get(0).get("action").asText()).isEqualTo("note.remove");
    assertThat(history.get("items").get(0).get("before").asText()).contains("tlp-note CLEAR");
  }

  static List<String> bodies(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("items").forEach(n -> out.add(n.get("body").asText()));
    return out;
  }

  @Test
  void aNoteIsEscapedOnThePage() throws Exception {
    Client analyst = users.get("analyst-a");
    String xss = "<script>alert('note')</script><img src=x onerror=alert(1)>";
    HttpResponse<String> r = analyst.form("/notes", Map.of("item", "article:art-3", "tlp", "GREEN", "body", xss), true);
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue("/articles/art-3");
    String page = users.get("viewer-b").get("/articles/art-3").body();
    assertThat(page).contains("&lt;script&gt;alert(").doesNotContain("<script>alert(").doesNotContain("<img src=x");
  }

  @Test
  void aNoteOnAnEventShowsBesideTheEventAndAccountChangesOnlyToAdmins() throws Exception {
    HttpResponse<String> r = users.get("analyst-a").form("/notes",
        Map.of("item", "event:art-1#0", "tlp", "GREEN", "body", "seen on video"), true);
    assertThat(r.headers().firstValue("Location")).hasValue("/articles/art-1#event-0");
    String page = users.get("viewer-b").get("/articles/art-1").body();
    assertThat(page).contains("TLP:GREEN</span> seen on video"); // in the event's entry
    assertThat(users.get("viewer-b").get("/api/v1/audit?limit=500").body()).doesNotContain("user.add");
    assertThat(users.get("admin-a").get("/api/v1/audit?limit=500").body()).contains("user.add");
  }

  @Test
  void aFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
    Client analyst = users.get("analyst-a");
    Map<String, String> note = Map.of("item", "article:art-3", "tlp", "GREEN", "body", "csrf test");
    assertThat(analyst.form("/notes", note, false).statusCode()).isEqualTo(403);
    Map<String, String> wrong = new LinkedHashMap<>(note);
    wrong.put("_csrf", "forged");
    assertThat(analyst.form("/notes", wrong, false).statusCode()).isEqualTo(403);
    assertThat(analyst.send("POST", "/api/v1/notes", "application/json",
        Json.write(note), Map.of()).statusCode()).isEqualTo(403);
    // a page posted from another site is refused even with the token
    assertThat(analyst.send("POST", "/notes", "application/x-www-form-urlencoded",
        encode(Map.of("item", "article:art-3", "tlp", "GREEN", "body", "x", "_csrf", analyst.csrf)),
        Map.of("Origin", "https://evil.example")).statusCode()).isEqualTo(403);
    assertThat(store.analysts().notes("article", "art-3", "alpha")).noneMatch(n -> n.body().equals("csrf test"));
    // every POST form of a page carries the token
    String page = analyst.get("/watchlists").body();
    assertThat(page).contains("name=\"_csrf\" value=\"" + analyst.csrf + "\"");
  }

  @Test
  void signingInGivesANewSessionIdWhateverCookieCameIn() throws Exception {
    Client victim = new Client();
    victim.cookies.put(Access.SESSION_COOKIE, "attacker-chosen-session-id");
    HttpResponse<String> r = victim.login("viewer-a", PASSWORD);
    assertThat(r.statusCode()).isEqualTo(303);
    String issued = victim.cookies.get(Access.SESSION_COOKIE);
    assertThat(issued).isNotEqualTo("attacker-chosen-session-id").hasSizeGreaterThan(40);
    Client attacker = new Client();
    attacker.cookies.put(Access.SESSION_COOKIE, "attacker-chosen-session-id");
    assertThat(attacker.get("/account").statusCode()).isEqualTo(303);
    // signing in again rotates the id and ends the old session
    HttpResponse<String> again = victim.login("viewer-a", PASSWORD);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(303);
    assertThat(victim.cookies.get(Access.SESSION_COOKIE)).isNotEqualTo(issued);
    Client stale = new Client();
    stale.cookies.put(Access.SESSION_COOKIE, issued);
    assertThat(stale.get("/account").statusCode()).isEqualTo(303);
  }

  @Test
  void signingOutEndsTheSession() throws Exception {
    Client c = new Client();
    c.login("viewer-b", PASSWORD);
    String session = c.cookies.get(Access.SESSION_COOKIE);
    assertThat(c.get("/account").statusCode()).isEqualTo(200);
    assertThat(c.form("/logout", Map.of(), false).statusCode()).isEqualTo(403); // needs the token
    assertThat(c.form("/logout", Map.of(), true).statusCode()).isEqualTo(303);
    Client replay = new Client();
    replay.cookies.put(Access.SESSION_COOKIE, session);
    assertThat(replay.get("/api/v1/articles").statusCode()).isEqualTo(401);
  }

  @Test
  void repeatedWrongPasswordsLockTheAccount() throws Exception {
    Client c = new Client();
    for (int i = 0; i < TeamPages.MAX_FAILURES; i++) {
      assertThat(c.login("victim", "wrong password " + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> right = c.login("victim", PASSWORD);
    assertThat(right.statusCode()).isEqualTo(401);
    assertThat(right.body()).contains("locked");
    assertThat(store.accounts().get("victim").orElseThrow().lockedUntil()).isNotNull();
    assertThat(c.cookies).doesNotContainKey(Access.SESSION_COOKIE);
  }

  @Test
  void aRevokedTokenIsRefused() throws Exception {
    Client admin = users.get("admin-a");
    HttpResponse<String> made = admin.json("POST", "/api/v1/tokens",
        Map.of("username", "analyst-b", "label", "robot", "scope", "write"));
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    Client robot = new Client();
    robot.bearer = json(made).get("token").asText();
    String id = json(made).get("record").get("id").asText();
    assertThat(robot.get("/api/v1/articles").statusCode()).isEqualTo(200);
    assertThat(store.accounts().tokenById(id).orElseThrow().lastUsed()).isNotNull();
    assertThat(json(admin.get("/api/v1/tokens")).toString()).contains(id).doesNotContain(robot.bearer);
    assertThat(admin.json("DELETE", "/api/v1/tokens/" + id, null).statusCode()).isEqualTo(204);
    assertThat(robot.get("/api/v1/articles").statusCode()).isEqualTo(401);
    assertThat(robot.json("POST", "/api/v1/notes", Map.of("item", "article:art-3", "tlp", "GREEN",
        "body", "after revocation")).statusCode()).isEqualTo(401);
  }

  @Test
  void anEncodedOrDoubledPathDoesNotGetPastTheCheck() throws Exception {
    Client owner = token("viewer-b", "read");
    String id = store.accounts().tokens("viewer-b").get(0).id();
    Client analyst = users.get("analyst-a");
    for (String path : List.of("/api/v1%2Ftokens/" + id, "/api/v1/%74okens/" + id,
        "//api/v1/tokens/" + id, "/api/v1//tokens/" + id, "/API/v1/tokens/" + id)) {
      assertThat(analyst.json("DELETE", path, null).statusCode()).as(path).isNotIn(200, 204);
    }
    assertThat(owner.get("/api/v1/articles").statusCode()).isEqualTo(200);
  }

  @Test
  void sqlInjectionInEveryParameterIsJustData() throws Exception {
    List<String> attacks = List.of("' OR '1'='1", "1; DROP TABLE notes; --", "art-1' --",
        "\" OR 1=1 --", "x') UNION SELECT password_hash FROM users --");
    Client analyst = users.get("analyst-a");
    Client admin = users.get("admin-a");
    long audit = store.analysts().auditCount("alpha", false);
    for (String a : attacks) {
      String q = URLEncoder.encode(a, StandardCharsets.UTF_8);
      List<HttpResponse<String>> rs = new ArrayList<>();
      rs.add(analyst.get("/api/v1/notes?item=" + q));
      rs.add(analyst.get("/api/v1/notes?item=article:" + q));
      rs.add(analyst.get("/api/v1/notes?item=event:art-1%23" + q));
      rs.add(analyst.get("/api/v1/audit?item=story:" + q));
      rs.add(analyst.get("/api/v1/audit?limit=" + q));
      rs.add(analyst.get("/api/v1/audit?cursor=" + q));
      rs.add(analyst.get("/api/v1/articles/" + q + "/corrections"));
      rs.add(analyst.json("PUT", "/api/v1/articles/art-1/events/" + q + "/correction", Map.of("verdict", "confirmed")));
      rs.add(analyst.json("PUT", "/api/v1/articles/art-1/events/0/correction", Map.of("verdict", a)));
      rs.add(analyst.json("PUT", "/api/v1/articles/art-1/events/0/correction", Map.of("type", a)));
      rs.add(analyst.json("PUT", "/api/v1/articles/art-1/events/0/correction", Map.of("date", a)));
      rs.add(analyst.json("POST", "/api/v1/notes", Map.of("item", "article:art-3", "tlp", a, "body", "x")));
      rs.add(analyst.json("DELETE", "/api/v1/notes/" + q, null));
      rs.add(analyst.form("/notes/" + q + "/delete", Map.of(), true));
      rs.add(admin.json("DELETE", "/api/v1/tokens/" + q, null));
      rs.add(admin.form("/admin/users/" + q + "/disable", Map.of(), true));
      rs.add(admin.json("POST", "/api/v1/tokens", Map.of("username", a, "label", "x", "scope", "read")));
      rs.add(new Client().login(a, a));
      for (HttpResponse<String> r : rs) {
        assertThat(r.statusCode()).as(r.request().method() + " " + r.request().uri() + ": " + r.body())
            .isIn(400, 401, 404);
      }
      // stored as it was written, not executed
      HttpResponse<String> stored = analyst.json("POST", "/api/v1/notes",
          Map.of("item", "article:art-3", "tlp", "GREEN", "body", a));
      assertThat(stored.statusCode()).isEqualTo(201);
    }
    assertThat(store.accounts().count()).isEqualTo(6);
    assertThat(bodies(json(analyst.get("/api/v1/notes?item=article:art-3&limit=200")))).containsAll(attacks);
    assertThat(store.analysts().auditCount("alpha", false)).isEqualTo(audit + attacks.size());
  }

  @Test
  void pathTraversalReachesNoFile() throws Exception {
    Client viewer = users.get("viewer-a");
    for (String path : List.of("/static/../vigil.db", "/static/%2e%2e/vigil.db",
        "/static/..%2f..%2fvigil.db", "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/articles/..%2f..%2fvigil.db", "/api/v1/articles/..%2fvigil.db/corrections",
        "/api/v1/export?format=csv&name=..%2f..%2fvigil.db")) {
      for (Client c : List.of(viewer, new Client())) {
        HttpResponse<String> r = c.get(path);
        assertThat(r.body()).as(path).doesNotContain("SQLite format").doesNotContain("root:x:0");
        assertThat(r.statusCode()).as(path).isNotEqualTo(500);
      }
    }
  }

  @Test
  void aCorrectionIsShownWithTheOriginalAndSurvivesReanalysis() throws Exception {
    Client analyst = users.get("analyst-a");
    HttpResponse<String> r = analyst.json("PUT", "/api/v1/articles/art-2/events/0/correction",
        Map.of("verdict", "disputed", "type", "attack", "place", Map.of("name", "Kulob", "lat", "37.91", "lon", "69.78"),
            "date", "2025-11-16", "reason", "the report conflates two incidents"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(users.get("viewer-b").json("PUT", "/api/v1/articles/art-2/events/0/correction",
        Map.of("verdict", "confirmed")).statusCode()).isEqualTo(403);
    assertCorrected();

    // the publisher adds a line, the article is ingested again and re-analysed: offsets move,
    // and the analysis now finds another event earlier in the sentence, so numbers shift by one
    AnalyzedArticle old = Articles.placed("art-2");
    Event clash = old.annotations().events().get(0);
    String prefix = "Updated on Tuesday. ";
    int d = prefix.length();
    String text = prefix + old.article().text();
    Event arrest = new Event("arrest", null, "asserted", null, null, List.of(), null, null, null,
        clash.sentence(), clash.start() + d, clash.end() + d, 0, "detained", null, null, null);
    Event moved = new Event(clash.type(), clash.acled(), clash.modality(), clash.date(),
        clash.place(), clash.actors(), clash.killed(), clash.injured(), clash.captured(),
        clash.sentence(), clash.start() + d, clash.end() + d, 1, clash.trigger(), null, null, null);
    dev.vigil.model.Article a0 = old.article();
    dev.vigil.model.Article updated = new dev.vigil.model.Article(a0.id(), a0.url(), a0.source(),
        a0.title(), a0.byline(), a0.published(), a0.language(), text, a0.origin(), a0.ingested());
    Annotations a = new Annotations("en", List.of(new dev.vigil.model.Sentence(0, d - 1),
        new dev.vigil.model.Sentence(d, text.length())), List.of(), List.of(), List.of(), List.of(),
        List.of(arrest, moved), List.of("border_security"));
    assertThat(store.write(List.of(new AnalyzedArticle(updated, a))).get(0).status())
        .isEqualTo(dev.vigil.store.WriteOutcome.Status.UPDATED);
    JsonNode events = json(users.get("viewer-a").get("/api/v1/articles/art-2")).get("events");
    assertThat(events).hasSize(2);
    assertThat(events.get(0).get("type").asText()).isEqualTo("arrest");
    assertThat(events.get(1).get("type").asText()).isEqualTo("attack");
    assertThat(events.get(1).get("place").get("name").asText()).isEqualTo("Kulob");

    // re-analysis that no longer finds the event: shown from the correction's copy
    assertThat(store.write(List.of(new AnalyzedArticle(old.article(),
        old.annotations().withEvents(List.of(), List.of())))).get(0).status())
        .isEqualTo(dev.vigil.store.WriteOutcome.Status.UPDATED);
    JsonNode gone = json(users.get("viewer-a").get("/api/v1/articles/art-2/corrections"));
    assertThat(gone.get("items")).hasSize(1);
    assertThat(gone.get("items").get(0).get("restored").asBoolean()).isTrue();
    assertThat(gone.get("items").get(0).get("event").get("type").asText()).isEqualTo("attack");
    // and found again by the next analysis
    assertThat(store.write(List.of(new AnalyzedArticle(updated, new Annotations("en", a.sentences(),
        List.of(), List.of(), List.of(), List.of(), List.of(moved), List.of())))).get(0).status())
        .isEqualTo(dev.vigil.store.WriteOutcome.Status.UPDATED);
    assertThat(json(users.get("viewer-a").get("/api/v1/articles/art-2/corrections")).get("items").get(0)
        .get("restored").asBoolean()).isFalse();
    assertCorrected();
  }

  private static void assertCorrected() throws Exception {
    JsonNode article = json(users.get("viewer-b").get("/api/v1/articles/art-2"));
    JsonNode e = article.get("events").get(0);
    assertThat(e.get("type").asText()).isEqualTo("attack");
    assertThat(e.get("date").asText()).isEqualTo("2025-11-16");
    assertThat(e.get("place").get("name").asText()).isEqualTo("Kulob");
    JsonNode c = json(users.get("viewer-b").get("/api/v1/articles/art-2/corrections")).get("items").get(0);
    assertThat(c.get("original").get("type").asText()).isEqualTo("armed_clash");
    assertThat(c.get("correction").get("verdict").asText()).isEqualTo("disputed");
    assertThat(c.get("correction").get("updatedBy").asText()).isEqualTo("analyst-a");
    String page = users.get("viewer-b").get("/articles/art-2").body();
    assertThat(page).contains("disputed").contains("Extracted: armed clash").contains("the report conflates two incidents");
    JsonNode history = json(users.get("viewer-b").get("/api/v1/audit?item=" + URLEncoder.encode("article:art-2", StandardCharsets.UTF_8)));
    assertThat(history.get("items").get(0).get("action").asText()).isEqualTo("event.correct");
    assertThat(history.get("items").get(0).get("actor").asText()).isEqualTo("analyst-a");
  }

  @Test
  void theAuditLogRefusesChangesInTheDatabaseItself() throws Exception {
    users.get("analyst-a").json("POST", "/api/v1/notes", Map.of("item", "article:art-1", "tlp", "GREEN", "body", "kept"));
    try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Store.DB_FILE))) {
      for (String sql : List.of("UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log")) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.createStatement().executeUpdate(sql))
            .hasMessageContaining("append-only");
      }
    }
  }

  // --- TLP markings on articles, stories, events, watchlists (see docs/team.md) ---

  /** What alpha's and beta's accounts get from every read route about beta's restricted reports. */
  @Test
  void restrictedReportsOfBetaAreAbsentForAlphaEverywhere() throws Exception {
    List<String> routes = List.of("/api/v1/articles?limit=100", "/api/v1/search?q=zarafshan&facets=true",
        "/api/v1/search?q=&facets=true&facetLimit=100", "/search?q=zarafshan", "/search?q=clash",
        "/", "/api/v1/stories?limit=100", "/stories", "/api/v1/stories/" + storyId,
        "/stories/" + storyId, "/api/v1/stories/" + storyId + "/related", "/api/v1/events?limit=500",
        "/api/v1/map", "/map", "/api/v1/sources", "/sources", "/api/v1/places?limit=100",
        "/api/v1/places/name:Khatlon%20Region", "/places/name:Khatlon%20Region",
        "/api/v1/entities?limit=100", "/entities", "/places", "/api/v1/status",
        "/api/v1/export?format=csv", "/api/v1/export?format=geojson", "/api/v1/export?format=jsonl",
        "/api/v1/export?format=stix", "/api/v1/export?format=jsonl&q=zarafshan");
    for (String who : List.of("viewer-a", "analyst-a", "admin-a")) {
      for (String route : routes) {
        HttpResponse<String> r = users.get(who).get(route);
        assertThat(r.statusCode()).as(who + " " + route).isEqualTo(200);
        // the search echoes its query: the codeword must not appear anywhere else
        String body = r.body().replace("q=zarafshan", "").replace("\"query\":\"zarafshan\"", "")
            .replace("value=\"zarafshan\"", "").replace("zarafshan · Search", "")
            .replace("<strong>zarafshan</strong>", "");
        assertThat(body).as(who + " " + route).doesNotContainIgnoringCase("zarafshan")
            .doesNotContain("beta-amber").doesNotContain("beta-strict").doesNotContain("beta-red")
            .doesNotContain(BETA_SOURCE);
      }
      for (String id : HIDDEN.values()) {
        for (String route : List.of("/api/v1/articles/" + id, "/articles/" + id,
            "/api/v1/articles/" + id + "/corrections", "/api/v1/notes?item=article:" + id)) {
          HttpResponse<String> r = users.get(who).get(route);
          assertThat(r.statusCode()).as(who + " " + route).isEqualTo(404);
          assertThat(r.body()).doesNotContain(BETA_SOURCE);
        }
      }
      assertThat(users.get(who).get("/api/v1/sources/" + BETA_SOURCE.replace(" ", "%20")).statusCode())
          .isEqualTo(404);
    }
    // beta sees its own reports, in the same routes
    Client beta = users.get("viewer-b");
    JsonNode hits = json(beta.get("/api/v1/search?q=zarafshan&facets=true"));
    assertThat(hits.get("total").asLong()).isEqualTo(3);
    assertThat(facet(hits, "source_key", BETA_SOURCE)).isEqualTo(3);
    assertThat(beta.get("/api/v1/articles/beta-red").body()).contains("\"tlp\":\"RED\"", "\"org\":\"beta\"");
    assertThat(beta.get("/api/v1/export?format=jsonl&q=zarafshan").body()).contains("beta-red", "beta-amber");
    assertThat(beta.get("/api/v1/export?format=stix").body()).contains("TLP:RED");
    assertThat(beta.get("/api/v1/events?limit=500").body()).contains("beta-strict");
    assertThat(json(beta.get("/api/v1/sources/" + BETA_SOURCE.replace(" ", "%20"))).get("articles").asLong())
        .isGreaterThanOrEqualTo(3);
    // every count alpha gets is the count of what it may see
    Client alpha = users.get("viewer-a");
    JsonNode all = json(alpha.get("/api/v1/search?q=&facets=true&facetLimit=100"));
    JsonNode allBeta = json(beta.get("/api/v1/search?q=&facets=true&facetLimit=100"));
    long betaOnly = facet(allBeta, "source_key", BETA_SOURCE); // beta's reports (other tests add some)
    assertThat(betaOnly).isGreaterThanOrEqualTo(3);
    assertThat(facet(all, "source_key", BETA_SOURCE)).isZero();
    assertThat(allBeta.get("total").asLong() - all.get("total").asLong()).isEqualTo(betaOnly);
    assertThat(facet(allBeta, "place", "Khatlon Region") - facet(all, "place", "Khatlon Region")).isEqualTo(betaOnly);
    assertThat(json(alpha.get("/api/v1/articles")).get("total").asLong()).isEqualTo(all.get("total").asLong());
    assertThat(json(alpha.get("/api/v1/status")).get("articles").asLong()).isEqualTo(all.get("total").asLong());
    String place = "/api/v1/places/name:Khatlon%20Region";
    assertThat(json(beta.get(place)).get("articles").asLong() - json(alpha.get(place)).get("articles").asLong())
        .isEqualTo(betaOnly);
    long alphaEvents = json(alpha.get("/api/v1/events?limit=500")).get("total").asLong();
    assertThat(json(beta.get("/api/v1/events?limit=500")).get("total").asLong() - alphaEvents).isEqualTo(betaOnly);
    // and without an account, nothing at all
    HttpResponse<String> anon = new Client().get("/api/v1/search?q=zarafshan&facets=true");
    assertThat(anon.statusCode()).isEqualTo(401);
    assertThat(anon.body()).doesNotContainIgnoringCase("zarafshan").doesNotContain(BETA_SOURCE);
  }

  /** The story of art-1 and art-2, which beta's reports joined, shows alpha its public articles only. */
  @Test
  void aStoryShowsEachOrganisationOnlyTheArticlesItMaySee() throws Exception {
    List<String> members = store.stories().articlesOf(storyId);
    long hidden = members.stream().filter(HIDDEN.values()::contains).count();
    JsonNode alpha = json(users.get("viewer-a").get("/api/v1/stories/" + storyId));
    assertThat(alpha.get("articles").size()).isEqualTo(members.size() - hidden);
    assertThat(alpha.get("sources").toString()).doesNotContain(BETA_SOURCE);
    assertThat(alpha.get("arrivals").size()).isEqualTo(members.size() - hidden);
    assertThat(alpha.get("timeline").toString()).doesNotContain("beta-");
    JsonNode beta = json(users.get("viewer-b").get("/api/v1/stories/" + storyId));
    assertThat(beta.get("articles").size()).isEqualTo(members.size());
    // a story made of beta's reports only does not exist for alpha
    for (String id : HIDDEN.values()) {
      long s = store.stories().storyOf(id).orElseThrow();
      if (store.stories().articlesOf(s).stream().allMatch(HIDDEN.values()::contains)) {
        assertThat(users.get("viewer-a").get("/api/v1/stories/" + s).statusCode()).isEqualTo(404);
        assertThat(users.get("viewer-a").get("/stories/" + s).statusCode()).isEqualTo(404);
      }
    }
    // a story marked as a whole: gone for the other organisation, back when unmarked
    Client admin = users.get("admin-a");
    assertThat(users.get("analyst-a").json("PUT", "/api/v1/stories/" + storyId + "/marking",
        Map.of("tlp", "RED")).statusCode()).isEqualTo(403); // unowned: admins only
    try {
      HttpResponse<String> r = admin.json("PUT", "/api/v1/stories/" + storyId + "/marking", Map.of("tlp", "RED"));
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(users.get("viewer-b").get("/api/v1/stories/" + storyId).statusCode()).isEqualTo(404);
      assertThat(users.get("viewer-b").get("/api/v1/stories?limit=100").body()).doesNotContain("\"id\":" + storyId + ",");
      assertThat(users.get("viewer-a").get("/api/v1/stories/" + storyId).statusCode()).isEqualTo(200);
      assertThat(users.get("analyst-b").json("PUT", "/api/v1/stories/" + storyId + "/marking",
          Map.of("tlp", "CLEAR")).statusCode()).isEqualTo(404);
    } finally {
      assertThat(admin.json("PUT", "/api/v1/stories/" + storyId + "/marking", Map.of("tlp", "CLEAR"))
          .statusCode()).isEqualTo(200);
    }
    assertThat(users.get("viewer-b").get("/api/v1/stories/" + storyId).statusCode()).isEqualTo(200);
    assertThat(users.get("viewer-a").get("/api/v1/audit?item=story:" + storyId).body())
        .contains("story.mark", "RED");
  }

  /** Changing an article's marking: only its organisation, audited, and search follows at once. */
  @Test
  void changingAMarkingIsAuditedAndSearchFollows() throws Exception {
    store.write(List.of(betaReport("beta-mark", " Codeword oxusmark.")), dev.vigil.store.Marking.of("AMBER", "beta"));
    Client alpha = users.get("viewer-a");
    assertThat(json(alpha.get("/api/v1/search?q=oxusmark")).get("total").asLong()).isZero();
    assertThat(users.get("analyst-a").json("PUT", "/api/v1/articles/beta-mark/marking",
        Map.of("tlp", "CLEAR")).statusCode()).isEqualTo(404); // alpha cannot see it: no such article
    assertThat(users.get("viewer-b").json("PUT", "/api/v1/articles/beta-mark/marking",
        Map.of("tlp", "GREEN")).statusCode()).isEqualTo(403); // viewers do not change anything
    assertThat(users.get("analyst-b").json("PUT", "/api/v1/articles/beta-mark/marking",
        Map.of("tlp", "GREEN", "org", "alpha")).statusCode()).isEqualTo(403); // only for its own org
    assertThat(users.get("analyst-b").json("PUT", "/api/v1/articles/beta-mark/marking",
        Map.of("tlp", "PURPLE")).statusCode()).isEqualTo(400);
    HttpResponse<String> r = users.get("analyst-b").json("PUT", "/api/v1/articles/beta-mark/marking",
        Map.of("tlp", "GREEN"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    long deadline = System.currentTimeMillis() + 5000;
    long total = 0;
    while (total == 0 && System.currentTimeMillis() < deadline) {
      total = json(alpha.get("/api/v1/search?q=oxusmark")).get("total").asLong();
    }
    assertThat(total).isEqualTo(1);
    assertThat(alpha.get("/api/v1/articles/beta-mark").statusCode()).isEqualTo(200);
    // now alpha sees it, but it is still beta's: alpha may not re-mark it
    assertThat(users.get("analyst-a").json("PUT", "/api/v1/articles/beta-mark/marking",
        Map.of("tlp", "CLEAR")).statusCode()).isEqualTo(403);
    assertThat(users.get("analyst-a").json("PUT", "/api/v1/articles/art-3/marking",
        Map.of("tlp", "RED")).statusCode()).isEqualTo(403); // public news: admins only
    JsonNode history = json(users.get("viewer-b").get("/api/v1/audit?item=article:beta-mark"));
    JsonNode entry = history.get("items").get(0);
    assertThat(entry.get("action").asText()).isEqualTo("article.mark");
    assertThat(entry.get("actor").asText()).isEqualTo("analyst-b");
    assertThat(entry.get("before").asText()).contains("AMBER");
    assertThat(entry.get("after").asText()).contains("GREEN");
    // back to AMBER: gone again for alpha
    assertThat(users.get("analyst-b").json("PUT", "/api/v1/articles/beta-mark/marking",
        Map.of("tlp", "AMBER")).statusCode()).isEqualTo(200);
    assertThat(json(alpha.get("/api/v1/search?q=oxusmark")).get("total").asLong()).isZero();
  }

  /** Watchlists are their organisation's; alerts only ever hold what their owner may see. */
  @Test
  void watchlistAlertsAndFeedsHoldOnlyWhatTheOwnerMaySee() throws Exception {
    HttpResponse<String> a = users.get("analyst-a").json("POST", "/api/v1/watchlists",
        Map.of("name", "alpha watch", "query", "pamirwatch"));
    assertThat(a.statusCode()).as(a.body()).isEqualTo(201);
    long alphaList = json(a).get("id").asLong();
    assertThat(json(a).get("tlp").asText()).isEqualTo("AMBER");
    HttpResponse<String> b = users.get("analyst-b").json("POST", "/api/v1/watchlists",
        Map.of("name", "beta watch", "query", "pamirwatch", "tlp", "AMBER"));
    long betaList = json(b).get("id").asLong();
    store.write(List.of(Articles.of("pub-pamir", "Pamir road", "Pamirwatch: the road reopened.", "2025-03-01")));
    store.write(List.of(betaReport("beta-pamir", " Pamirwatch convoy seen.")), dev.vigil.store.Marking.of("RED", "beta"));
    new dev.vigil.alerts.AlertEvaluator(store, dev.vigil.alerts.StoryContext.standalone())
        .evaluate(java.time.Instant.now());
    String alphaAlerts = users.get("viewer-a").get("/api/v1/watchlists/" + alphaList).body();
    assertThat(alphaAlerts).contains("pub-pamir").doesNotContain("beta-pamir");
    assertThat(users.get("viewer-a").get("/watchlists/" + alphaList + "/atom.xml").body())
        .contains("pub-pamir").doesNotContain("beta-pamir");
    assertThat(users.get("viewer-b").get("/api/v1/watchlists/" + betaList).body()).contains("beta-pamir");
    assertThat(users.get("viewer-b").get("/watchlists/" + betaList + "/atom.xml").body()).contains("beta-pamir");
    // each organisation's AMBER watchlist does not exist for the other
    assertThat(users.get("viewer-b").get("/api/v1/watchlists").body()).doesNotContain("alpha watch");
    for (String route : List.of("/api/v1/watchlists/" + alphaList, "/watchlists/" + alphaList,
        "/watchlists/" + alphaList + "/atom.xml")) {
      assertThat(users.get("viewer-b").get(route).statusCode()).as(route).isEqualTo(404);
    }
    assertThat(users.get("analyst-b").json("DELETE", "/api/v1/watchlists/" + alphaList, null).statusCode())
        .isEqualTo(404);
    assertThat(users.get("viewer-a").get("/api/v1/watchlists").body()).contains("alpha watch")
        .doesNotContain("beta watch");
  }

  static long facet(JsonNode search, String field, String value) {
    for (JsonNode v : search.get("facets").path(field)) {
      if (v.get("value").asText().equals(value)) {
        return v.get("count").asLong();
      }
    }
    return 0;
  }
}
