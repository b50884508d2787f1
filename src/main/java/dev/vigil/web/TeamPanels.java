package dev.vigil.web;

import dev.vigil.model.Annotations;
import dev.vigil.store.CorrectedEvent;
import dev.vigil.store.Note;
import dev.vigil.store.Store;
import dev.vigil.store.StoredArticle;
import dev.vigil.team.Tlp;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an item's page shows of the team's work (templates {@code team-notes} and
 * {@code team-events}): the notes the reader may see, the item's change history, the corrected
 * events beside the extracted ones, and whether the reader may write.
 */
final class TeamPanels {
  private static final int HISTORY = 50;

  private final Store store;
  private final TeamItems items;

  TeamPanels(Store store, TeamItems items) {
    this.store = store;
    this.items = items;
  }

  /**
   * The article's annotations as readers see them (events corrected) and, into {@code m}, what
   * the team panel of the article page shows.
   */
  Annotations articlePanel(Context ctx, StoredArticle a, Map<String, Object> m) {
    List<CorrectedEvent> events = items.events(a);
    String org = Access.principal(ctx).organisation();
    Map<String, List<Note>> eventNotes = new LinkedHashMap<>();
    for (Note n : store.analysts().eventNotes(a.article().id(), org)) {
      eventNotes.computeIfAbsent(n.itemId().substring(n.itemId().lastIndexOf('#') + 1),
          k -> new ArrayList<>()).add(n);
    }
    m.put("teamEvents", events);
    m.put("teamEventNotes", eventNotes);
    m.put("eventTypes", TeamItems.EVENT_TYPES);
    panel(ctx, new TeamItems.Item("article", a.article().id()), m);
    Annotations ann = a.annotations();
    return ann.withEvents(events.stream().map(CorrectedEvent::event).toList(), ann.categories(),
        ann.categoryEvidence());
  }

  /** Puts the notes and history of {@code item} and the form settings into {@code m}. */
  void panel(Context ctx, TeamItems.Item item, Map<String, Object> m) {
    Principal p = Access.principal(ctx);
    m.put("teamItem", item.toString());
    m.put("teamNotes", store.analysts().notes(item.kind(), item.id(), p.organisation()));
    m.put("teamHistory", store.analysts().audit(item.kind(), item.id(), p.organisation(),
        false, 0, HISTORY));
    m.put("canWrite", p.allows(Permission.WRITE));
    m.put("myOrg", p.organisation());
    m.put("tlps", Arrays.stream(Tlp.values()).map(Tlp::label).toList());
  }

  /** The panel of a story page. */
  void storyPanel(Context ctx, Map<String, Object> m) {
    panel(ctx, new TeamItems.Item("story", ctx.pathParam("id")), m);
  }
}
