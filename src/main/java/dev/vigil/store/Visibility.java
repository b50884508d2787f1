package dev.vigil.store;

import dev.vigil.team.Tlp;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * What one caller may see: the ONE place that decides visibility by TLP marking and owning
 * organisation ({@link Tlp#visibleTo}: CLEAR and GREEN for everyone, the rest only for the
 * owning organisation). Every route, export, feed and alert asks it, in one of three forms:
 * {@link #allows} for an item in hand, {@link #luceneHidden} as a MUST_NOT (non-scoring filter)
 * clause of every search (so hits, totals and facet counts are right by construction), and {@link #hiddenArticles} as
 * an SQL predicate over the articles and the tables derived from them.
 *
 * @param organisation the caller's organisation; null for {@link #ALL}
 */
public record Visibility(String organisation) {
  /** Single-user mode, the CLI and internal jobs: everything is visible. */
  public static final Visibility ALL = new Visibility(null);

  /** What an account of {@code organisation} may see. */
  public static Visibility of(String organisation) {
    if (organisation == null) {
      throw new IllegalArgumentException("an account always has an organisation");
    }
    return new Visibility(organisation);
  }

  /** Whether nothing is hidden. */
  public boolean everything() {
    return organisation == null;
  }

  /** Whether an item marked {@code m} may be shown. */
  public boolean allows(Marking m) {
    return everything() || m.tlp().visibleTo(organisation, m.organisation());
  }

  /** Whether an item marked {@code tlp} (stored label) of {@code owner} may be shown. */
  public boolean allows(String tlp, String owner) {
    return allows(Marking.of(tlp, owner));
  }

  /**
   * The documents this caller may NOT see (restricted markings of other organisations), for a
   * {@link BooleanClause.Occur#MUST_NOT} clause of every search (null when everything is
   * visible). A non-scoring filter like FILTER, but over the few restricted documents rather than
   * the many public ones, so it costs little on a large index.
   */
  Query luceneHidden() {
    if (everything()) {
      return null;
    }
    BooleanQuery.Builder restricted = new BooleanQuery.Builder();
    for (Tlp t : Tlp.values()) {
      if (!t.shared()) {
        restricted.add(new TermQuery(new Term(IndexFields.TLP, t.label())), BooleanClause.Occur.SHOULD);
      }
    }
    return new BooleanQuery.Builder()
        .add(restricted.build(), BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(IndexFields.ORG, organisation)), BooleanClause.Occur.MUST_NOT)
        .build();
  }

  /**
   * An SQL condition, to AND into a WHERE clause, that leaves out the rows whose article id
   * (the column {@code articleIdColumn}) this caller may not see; bind it with {@link #bind}.
   * Empty when everything is visible. Written as "not among the restricted articles of other
   * organisations", a set the {@code articles_marking} index finds and that stays small, so
   * public-news queries keep their plans.
   */
  String hiddenArticles(String articleIdColumn) {
    if (everything()) {
      return "";
    }
    return " AND " + articleIdColumn + " NOT IN (" + hiddenArticleIds() + ")";
  }

  /**
   * An SQL subquery of the ids of the articles this caller may not see (one parameter, bound by
   * {@link #bind}); only meaningful when not {@link #everything}.
   */
  String hiddenArticleIds() {
    return "SELECT id FROM articles WHERE tlp IN " + restrictedLabels()
        + " AND (org IS NULL OR org <> ?)";
  }

  /** Binds {@link #hiddenArticles}' parameter at {@code i}; returns the next parameter index. */
  int bind(PreparedStatement ps, int i) throws SQLException {
    if (everything()) {
      return i;
    }
    ps.setString(i, organisation);
    return i + 1;
  }

  /** The parameters {@link #hiddenArticles} takes, for code that collects them in a list. */
  java.util.List<Object> args() {
    return everything() ? java.util.List.of() : java.util.List.of(organisation);
  }

  private static String restrictedLabels() {
    StringBuilder s = new StringBuilder("(");
    for (Tlp t : Tlp.values()) {
      if (!t.shared()) {
        s.append(s.length() > 1 ? ", " : "").append('\'').append(t.label()).append('\'');
      }
    }
    return s.append(')').toString();
  }
}
