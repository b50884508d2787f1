package dev.vigil.dedup;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The canonical form of an article URL, so that one article reached by several links is
 * fetched and stored once: scheme and host lower-cased, default port and fragment dropped,
 * tracking parameters removed ({@code utm_*}, {@code fbclid}, {@code gclid} and the like), an
 * empty path made {@code /}. The order of the remaining parameters is kept: some sites route
 * by it. The page's own {@code rel=canonical}, when there is one, is preferred by the caller.
 */
public final class UrlCanonicalizer {
  private static final Set<String> TRACKING = Set.of(
      "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid",
      "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id",
      "vero_id", "rb_clickid", "s_cid", "cmpid", "ocid", "ito", "at_medium", "at_campaign",
      "ns_source", "ns_mchannel", "ns_campaign", "ns_linkname", "ns_fee", "ref_src", "ref_url",
      "spm", "share", "sharetype", "from", "feature", "xtor", "amp");

  private UrlCanonicalizer() {}

  /** The canonical form of {@code url}; the input unchanged (stripped) if it is no URL. */
  public static String canonicalize(String url) {
    String s = url.strip();
    URI u;
    try {
      u = new URI(s.replace(" ", "%20"));
    } catch (URISyntaxException e) {
      return s;
    }
    if (u.getScheme() == null || u.getRawAuthority() == null || u.getHost() == null) {
      return s;
    }
    String scheme = u.getScheme().toLowerCase(Locale.ROOT);
    String host = u.getHost().toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    int port = u.getPort();
    boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    StringBuilder b = new StringBuilder(scheme).append("://");
    if (u.getRawUserInfo() != null) {
      b.append(u.getRawUserInfo()).append('@');
    }
    b.append(host);
    if (!defaultPort) {
      b.append(':').append(port);
    }
    b.append(path);
    String query = cleanQuery(u.getRawQuery());
    if (!query.isEmpty()) {
      b.append('?').append(query);
    }
    return b.toString();
  }

  private static String cleanQuery(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (name.startsWith("utm_") || name.startsWith("pk_") || name.startsWith("hmb_") || TRACKING.contains(name)) {
        continue;
      }
      kept.add(pair);
    }
    return String.join("&", kept);
  }

  /** The host of {@code url} without {@code www.}, lower-cased; null if it has none. */
  public static String host(String url) {
    try {
      String h = new URI(url.strip().replace(" ", "%20")).getHost();
      return h == null ? null : h.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
