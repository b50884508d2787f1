package dev.vigil.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.store.Marking;
import dev.vigil.store.Store;
import dev.vigil.store.StoredArticle;
import dev.vigil.team.Role;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Changing the TLP marking of an article ({@code PUT /api/v1/articles/{id}/marking}) or of a
 * story as a whole ({@code PUT /api/v1/stories/{id}/marking}), with {@code {tlp}}. The item
 * keeps or gets the caller's organisation as owner: an analyst never marks for another
 * organisation. An item another organisation owns answers 403 (404 if the caller may not even
 * see it); an item no organisation owns (public news, an unmarked story) only an admin may mark,
 * since restricting it hides it from everyone else. Each change is audited (before, after); an
 * article's new marking reaches the index (and so search) with its next refresh.
 */
final class MarkingApi {
  private final Store store;
  private final TeamItems items;
  private final StoryViews stories;

  MarkingApi(Store store, TeamItems items, StoryViews stories) {
    this.store = store;
    this.items = items;
    this.stories = stories;
  }

  /** {@code PUT /api/v1/articles/{id}/marking}. */
  void markArticle(Context ctx) {
    StoredArticle a = items.article(ctx.pathParam("id"), Access.visibility(ctx));
    Marking next = requested(ctx, a.marking());
    Marking before = store.articles().mark(a.article().id(), next, Access.principal(ctx).editor())
        .orElseThrow(() -> HttpError.notFound("no article with id '" + Api.clip(a.article().id()) + "'"));
    store.refreshIndex(); // searchable with the new marking now, not at the next write
    ctx.json(answer("article:" + a.article().id(), before, next));
  }

  /** {@code PUT /api/v1/stories/{id}/marking}. */
  void markStory(Context ctx) {
    long id = stories.one(ctx, dev.vigil.stories.Trends.Window.DAY).id(); // 404 unless visible
    Optional<Marking> current = Optional.ofNullable(store.stories().markings().get(id));
    Marking next = requested(ctx, current.orElse(Marking.CLEAR));
    Marking before = store.stories().mark(id, next, Access.principal(ctx).editor()).orElse(null);
    ctx.json(answer("story:" + id, before, next));
  }

  /** The marking the body asks for, owned by the caller's organisation, if the caller may set it. */
  private static Marking requested(Context ctx, Marking current) {
    Principal p = Access.principal(ctx);
    JsonNode in = TeamApi.body(ctx); // a bad body is a 400 whoever sends it
    String tlp = TeamApi.text(in, "tlp");
    if (tlp == null) {
      throw new dev.vigil.store.InvalidFieldException("tlp", "is required: CLEAR, GREEN, AMBER, AMBER+STRICT or RED");
    }
    Marking next = Marking.of(tlp, p.organisation());
    if (current.organisation() == null ? p.role() != Role.ADMIN
        : !current.organisation().equals(p.organisation())) {
      throw new HttpError(403, current.organisation() == null
          ? "only an admin may mark an item no organisation owns"
          : "only " + current.organisation() + " may change the marking of its items");
    }
    String org = TeamApi.text(in, "org");
    if (org != null && !org.equals(p.organisation())) {
      throw new HttpError(403, "an item can only be marked for your own organisation");
    }
    return next;
  }

  private static Map<String, Object> answer(String item, Marking before, Marking after) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("item", item);
    body.put("before", before == null ? null : json(before));
    body.put("after", json(after));
    return body;
  }

  private static Map<String, Object> json(Marking m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("tlp", m.label());
    out.put("org", m.organisation());
    return out;
  }
}
