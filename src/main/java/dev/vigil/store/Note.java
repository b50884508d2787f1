package dev.vigil.store;

import dev.vigil.team.Tlp;

/**
 * An analyst's note on an item ({@code itemKind} article, story or event; an event's
 * {@code itemId} is {@code articleId#eventNumber}), owned by the author's organisation and
 * marked with a TLP that decides who else may read it.
 */
public record Note(String id, String itemKind, String itemId, String organisation, String author,
    Tlp tlp, String body, String created) {}
