package dev.vigil.web;

import dev.vigil.internal.Json;
import dev.vigil.store.InvalidFieldException;
import dev.vigil.store.QuerySyntaxException;
import dev.vigil.store.Store;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The dashboard and API over one store. */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self';"
      + " script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  private static final String RESPONDED = "vigil.responded";
  private static final String FIELD = "vigil.field"; // the bad input field a 400 names

  private final Javalin app;
  private final String host;

  private WebServer(Javalin app, String host) {
    this.app = app;
    this.host = host;
  }

  /**
   * Starts serving {@code store} on {@code host:port} (port 0: any free port).
   *
   * @param version shown in the page footer and {@code /api/v1/status}
   */
  public static WebServer start(Store store, String host, int port, String version) {
    return start(store, host, port, version, Auth.OFF);
  }

  /**
   * Team mode's settings: {@code teamMode} requires a login for everything but the login page;
   * {@code secureCookies} marks cookies Secure (the server is reached over https).
   */
  public record Auth(boolean teamMode, boolean secureCookies) {
    /** Single-user mode: no login, the local user may do everything. */
    public static final Auth OFF = new Auth(false, false);
  }

  /** Starts serving {@code store}, with team mode as {@code auth} says. */
  public static WebServer start(Store store, String host, int port, String version, Auth auth) {
    Templates templates = new Templates();
    Api api = new Api(store, version);
    StoryViews stories = new StoryViews(store);
    Access access = new Access(store.accounts(), auth.teamMode(), auth.secureCookies());
    EntityViews entityViews = new EntityViews(store, stories, templates);
    TeamItems teamItems = new TeamItems(store, entityViews::kb);
    TeamApi teamApi = new TeamApi(store, teamItems);
    MarkingApi markings = new MarkingApi(store, teamItems, stories);
    Pages pages = new Pages(store, templates, version, stories, new TeamPanels(store, teamItems),
        auth.teamMode());
    TeamPages teamPages = new TeamPages(store, templates, pages::model, access, teamItems);
    WatchlistApi watchlistApi = new WatchlistApi(store);
    WatchlistPages watchlistPages = new WatchlistPages(store, templates, pages::model);
    Curation curation = new Curation(store, entityViews);
    SourceViews sourceViews = new SourceViews(store, stories, entityViews, templates);
    EventApi eventApi = new EventApi(store, entityViews);
    Javalin app = Javalin.create(config -> {
      config.jsonMapper(new JavalinJackson(Json.mapper(), false));
      config.staticFiles.add(files -> {
        files.hostedPath = "/static";
        files.directory = "/public";
        files.location = Location.CLASSPATH;
      });
      config.routes.before(ctx -> {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (auth.secureCookies()) {
          ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
      });
      // the one access check: every route, including ones added later (see Access.RULES)
      config.routes.before(access::check);
      config.routes.after(ctx -> {
        access.addCsrfToForms(ctx);
        if (access.teamMode() && Access.principalOrNull(ctx) != null) {
          ctx.header("Cache-Control", "no-store"); // signed-in pages stay out of shared caches
        }
      });

      config.routes.get("/", pages::home);
      config.routes.get("/search", pages::search);
      config.routes.get("/articles/{id}", pages::article);
      config.routes.get("/failures", pages::failures);
      config.routes.get("/map", pages::map);
      config.routes.get("/stories", pages::stories);
      config.routes.get("/stories/{id}", pages::story);
      config.routes.get("/watchlists", watchlistPages::list);
      config.routes.post("/watchlists", watchlistPages::create);
      config.routes.get("/watchlists/{id}", watchlistPages::show);
      config.routes.post("/watchlists/{id}/delete", watchlistPages::remove);
      config.routes.get("/watchlists/{id}/atom.xml", watchlistPages::atom);
      config.routes.get("/api/v1/watchlists", watchlistApi::list);
      config.routes.post("/api/v1/watchlists", watchlistApi::create);
      config.routes.get("/api/v1/watchlists/{id}", watchlistApi::show);
      config.routes.put("/api/v1/watchlists/{id}", watchlistApi::replace);
      config.routes.delete("/api/v1/watchlists/{id}", watchlistApi::remove);

      // team mode: sign-in, accounts, tokens, notes, corrections, audit (permissions: Access)
      config.routes.get("/login", teamPages::loginForm);
      config.routes.post("/login", teamPages::login);
      config.routes.post("/logout", teamPages::logout);
      config.routes.get("/account", teamPages::account);
      config.routes.post("/admin/tokens", teamPages::createToken);
      config.routes.post("/admin/tokens/{id}/revoke", teamPages::revokeToken);
      config.routes.post("/admin/users/{name}/disable", teamPages::disableUser);
      config.routes.post("/notes", teamPages::addNote);
      config.routes.post("/notes/{id}/delete", teamPages::removeNote);
      config.routes.post("/articles/{id}/events/{n}/correction", teamPages::correct);
      config.routes.get("/api/v1/notes", teamApi::notes);
      config.routes.post("/api/v1/notes", teamApi::addNote);
      config.routes.delete("/api/v1/notes/{id}", teamApi::removeNote);
      config.routes.get("/api/v1/articles/{id}/corrections", teamApi::corrections);
      config.routes.put("/api/v1/articles/{id}/events/{n}/correction", teamApi::correct);
      config.routes.put("/api/v1/articles/{id}/marking", markings::markArticle);
      config.routes.put("/api/v1/stories/{id}/marking", markings::markStory);
      config.routes.get("/api/v1/audit", teamApi::audit);
      config.routes.get("/api/v1/users", teamApi::users);
      config.routes.get("/api/v1/tokens", teamApi::tokens);
      config.routes.post("/api/v1/tokens", teamApi::createToken);
      config.routes.delete("/api/v1/tokens/{id}", teamApi::revokeToken);

      // analysts' curation: story merge and split, knowledge-base edits (docs/team.md)
      for (String p : java.util.List.of("/stories/{id}", "/api/v1/stories/{id}",
          "/api/v1/stories/{id}/related")) {
        config.routes.before(p, curation::redirectMerged);
      }
      config.routes.post("/stories/{id}/merge", curation::mergeForm);
      config.routes.post("/stories/{id}/split", curation::splitForm);
      config.routes.post("/api/v1/stories/{id}/merge", curation::mergeApi);
      config.routes.post("/api/v1/stories/{id}/split", curation::splitApi);
      config.routes.post("/entities/{id}/kb", curation::entityForm);
      config.routes.put("/api/v1/entities/{id}", curation::putEntity);

      config.routes.get("/api/v1/articles", api::articles);
      config.routes.get("/api/v1/articles/{id}", api::article);
      config.routes.get("/api/v1/search", api::search);
      config.routes.get("/api/v1/status", api::status);
      config.routes.get("/api/v1/failures", api::failures);
      config.routes.get("/api/v1/map", api::map);
      config.routes.get("/api/v1/stories", stories::list);
      config.routes.get("/api/v1/stories/{id}", stories::get);
      config.routes.get("/api/v1/stories/{id}/related", stories::relatedList);
      config.routes.get("/api/v1/export", api::export);
      config.routes.get("/api/v1/openapi.json", api::openapi);

      // entity, place and source pages, their API, and the stored events
      config.routes.get("/entities", ctx -> entityViews.entityListPage(ctx, pages.model("Entities")));
      config.routes.get("/places", ctx -> entityViews.placeListPage(ctx, pages.model("Places")));
      config.routes.get("/entities/{id}",
          ctx -> entityViews.entityPage(ctx, curation.entityPanel(ctx, pages.model("Entity"))));
      config.routes.get("/places/{id}", ctx -> entityViews.placePage(ctx, pages.model("Place")));
      config.routes.get("/sources", ctx -> sourceViews.listPage(ctx, pages.model("Sources")));
      config.routes.get("/sources/{name}", ctx -> sourceViews.page(ctx, pages.model("Source")));
      config.routes.get("/api/v1/entities", entityViews::entityList);
      config.routes.get("/api/v1/entities/{id}", entityViews::entityJson);
      config.routes.get("/api/v1/places", entityViews::placeList);
      config.routes.get("/api/v1/places/{id}", entityViews::placeJson);
      config.routes.get("/api/v1/sources", sourceViews::list);
      config.routes.get("/api/v1/sources/{name}", sourceViews::json);
      config.routes.get("/api/v1/events", eventApi::list);

      config.routes.exception(HttpResponseException.class,
          (e, ctx) -> respond(ctx, pages, e.getStatus(), e.getMessage()));
      config.routes.exception(HttpError.class, (e, ctx) -> respond(ctx, pages, e.status, e.getMessage()));
      config.routes.exception(QuerySyntaxException.class,
          (e, ctx) -> respond(ctx, pages, 400, e.getMessage()));
      config.routes.exception(InvalidFieldException.class, (e, ctx) -> {
        ctx.attribute(FIELD, e.field());
        respond(ctx, pages, 400, e.getMessage());
      });
      config.routes.exception(IllegalArgumentException.class,
          (e, ctx) -> respond(ctx, pages, 400, e.getMessage()));
      config.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        respond(ctx, pages, 500, "internal error; the server log has the details");
      });
      config.routes.error(404, ctx -> {
        if (ctx.attribute(RESPONDED) == null) {
          respond(ctx, pages, 404, "no such page: " + Api.clip(ctx.path()));
        }
      });
    });
    app.start(host, port);
    warmUp(stories);
    return new WebServer(app, host);
  }

  /**
   * Builds the story reports on a background thread right after start, so the first visitor
   * of the home page does not wait for them (requests meanwhile wait on the same lock).
   */
  private static void warmUp(StoryViews stories) {
    Thread t = new Thread(() -> {
      try {
        stories.all();
      } catch (RuntimeException e) {
        LOG.warn("story reports not prepared in advance: {}", e.toString());
      }
    }, "vigil-warm-up");
    t.setDaemon(true);
    t.start();
  }

  private static void respond(Context ctx, Pages pages, int status, String message) {
    ctx.attribute(RESPONDED, Boolean.TRUE);
    ctx.status(status);
    if (ctx.path().startsWith("/api/")) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("status", status);
      error.put("message", message);
      if (ctx.attribute(FIELD) != null) {
        error.put("field", ctx.attribute(FIELD));
      }
      ctx.json(Map.of("error", error));
    } else {
      ctx.html(pages.error(status, message));
    }
  }

  /** Every route as {@code METHOD /path}, for tests that must cover all of them. */
  java.util.List<String> routes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream().map(e -> e.endpoint)
        .filter(e -> java.util.Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(e.method.name()))
        .map(e -> e.method.name() + " " + e.path).distinct().toList();
  }

  public int port() {
    return app.port();
  }

  /** The address to open in a browser. */
  public String url() {
    String h = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
    return "http://" + h + ":" + port() + "/";
  }

  @Override
  public void close() {
    app.stop();
  }
}
