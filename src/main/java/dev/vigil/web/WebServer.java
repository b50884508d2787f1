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
    Templates templates = new Templates();
    Api api = new Api(store, version);
    StoryViews stories = new StoryViews(store);
    Pages pages = new Pages(store, templates, version, stories);
    WatchlistApi watchlistApi = new WatchlistApi(store);
    WatchlistPages watchlistPages = new WatchlistPages(store, templates, pages::model);
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
    return new WebServer(app, host);
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
