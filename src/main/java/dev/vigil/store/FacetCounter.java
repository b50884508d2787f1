package dev.vigil.store;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.ConjunctionUtils;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * Counts facets over the matches of a query: every match, or a random sample of them scaled
 * to the total. Values are counted by global ordinal (one number per distinct value across
 * the index's segments, from an {@link OrdinalMap} built once per index version), so only the
 * few values shown are ever turned into strings.
 */
final class FacetCounter {
  private static final long SAMPLE_SEED = 0x5eed_f00dL;
  private static final long DAY_MS = 86_400_000L;

  /** The global ordinals of each facet field for one reader. */
  private record Ordinals(IndexReader reader, OrdinalMap[] maps) {}

  private volatile Ordinals ordinals;

  /** The global ordinals of {@code reader}, built on first use after each change of reader. */
  private Ordinals ordinals(IndexReader reader) throws IOException {
    Ordinals o = ordinals;
    if (o != null && o.reader() == reader) {
      return o;
    }
    synchronized (this) {
      o = ordinals;
      if (o != null && o.reader() == reader) {
        return o;
      }
      List<LeafReaderContext> leaves = reader.leaves();
      OrdinalMap[] maps = new OrdinalMap[Facets.FIELDS.size()];
      for (int f = 0; f < maps.length; f++) {
        SortedSetDocValues[] values = new SortedSetDocValues[leaves.size()];
        for (int l = 0; l < leaves.size(); l++) {
          values[l] = DocValues.getSortedSet(leaves.get(l).reader(),
              IndexFields.docValuesField(Facets.FIELDS.get(f)));
        }
        maps[f] = OrdinalMap.build(null, values, PackedInts.DEFAULT);
      }
      o = new Ordinals(reader, maps);
      ordinals = o;
      return o;
    }
  }

  /**
   * The facets of {@code query}: counted over every match when at most about
   * {@code sampleAbove} match, else over the matches among a random sample of the index's
   * documents (one document in every {@code k} consecutive ones, at a random place, with a
   * fixed seed: the same query on the same index counts the same sample), scaled to the
   * matches. Sampling documents rather than matches means a broad query never walks all its
   * matches: the query's postings are only advanced to the sampled documents.
   */
  Facets count(IndexSearcher searcher, Query query, int top, int sampleAbove) throws IOException {
    IndexReader reader = searcher.getIndexReader();
    List<LeafReaderContext> leaves = reader.leaves();
    var weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    // the query's own estimate of its matches (exact for a term, an upper bound for AND)
    long estimate = 0;
    for (LeafReaderContext leaf : leaves) {
      var supplier = weight.scorerSupplier(leaf);
      estimate += supplier == null ? 0 : supplier.cost();
    }
    if (estimate == 0) {
      Map<String, List<Facets.Value>> none = new LinkedHashMap<>();
      Facets.FIELDS.forEach(f -> none.put(f, List.of()));
      return new Facets(0, none, List.of(), "year");
    }
    Ordinals ords = ordinals(reader);
    int fields = Facets.FIELDS.size();
    long k = estimate <= sampleAbove ? 1 : (estimate + sampleAbove - 1) / sampleAbove;
    while (true) {
      long[][] counts = new long[fields][];
      for (int f = 0; f < fields; f++) {
        counts[f] = new long[(int) Math.min(Integer.MAX_VALUE - 8, ords.maps()[f].getValueCount())];
      }
      Map<Long, long[]> days = new HashMap<>(); // epoch day -> count
      long counted = countSample(weight, leaves, ords, k, counts, days);
      if (k > 1 && counted < sampleAbove / 4) {
        k = Math.max(1, k / 4); // the estimate was far too high (AND of common words): denser
        continue;
      }
      long total = counted;
      if (k > 1) {
        long cheap = cheapCount(weight, leaves);
        total = cheap >= 0 ? cheap : counted * k;
      }
      if (total == 0) {
        Map<String, List<Facets.Value>> none = new LinkedHashMap<>();
        Facets.FIELDS.forEach(f -> none.put(f, List.of()));
        return new Facets(0, none, List.of(), "year");
      }
      return result(total, counted, counts, days, top, ords, leaves);
    }
  }

  /** The number of matches when every segment knows it without looking, else -1. */
  private static long cheapCount(org.apache.lucene.search.Weight weight, List<LeafReaderContext> leaves)
      throws IOException {
    long total = 0;
    for (LeafReaderContext leaf : leaves) {
      int n = weight.count(leaf);
      if (n < 0) {
        return -1;
      }
      total += n;
    }
    return total;
  }

  /** Counts the values of the matches among one document in every {@code k}; returns how many. */
  private static long countSample(org.apache.lucene.search.Weight weight, List<LeafReaderContext> leaves,
      Ordinals ords, long k, long[][] counts, Map<Long, long[]> days) throws IOException {
    SplittableRandom random = new SplittableRandom(SAMPLE_SEED);
    int fields = counts.length;
    long counted = 0;
    for (int l = 0; l < leaves.size(); l++) {
      LeafReaderContext leaf = leaves.get(l);
      var scorer = weight.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      var leafReader = leaf.reader();
      DocIdSetIterator it = k == 1 ? scorer.iterator() : ConjunctionUtils.intersectIterators(
          List.of(new SampleIterator(leafReader.maxDoc(), (int) Math.min(k, Integer.MAX_VALUE), random),
              scorer.iterator()));
      Bits live = leafReader.getLiveDocs();
      // the matches first, then one field at a time over them in document order: each field's
      // doc values are read front to back in one region, not seven regions in turn per match
      int[] docs = new int[256];
      int n = 0;
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live == null || live.get(doc)) {
          if (n == docs.length) {
            docs = java.util.Arrays.copyOf(docs, n * 2);
          }
          docs[n++] = doc;
        }
      }
      counted += n;
      for (int f = 0; f < fields; f++) {
        SortedSetDocValues dv = DocValues.getSortedSet(leafReader, IndexFields.docValuesField(Facets.FIELDS.get(f)));
        LongValues toGlobal = ords.maps()[f].getGlobalOrds(l);
        long[] c = counts[f];
        for (int i = 0; i < n; i++) {
          if (dv.advanceExact(docs[i])) {
            for (int v = dv.docValueCount(); v > 0; v--) {
              c[(int) toGlobal.get(dv.nextOrd())]++;
            }
          }
        }
      }
      NumericDocValues published = DocValues.getNumeric(leafReader, IndexFields.PUBLISHED_MS);
      for (int i = 0; i < n; i++) {
        if (published.advanceExact(docs[i])) {
          days.computeIfAbsent(Math.floorDiv(published.longValue(), DAY_MS), d -> new long[1])[0]++;
        }
      }
    }
    return counted;
  }

  /** One document of every {@code k} consecutive ones, at a random place in each run. */
  private static final class SampleIterator extends DocIdSetIterator {
    private final int maxDoc;
    private final int k;
    private final SplittableRandom random;
    private int doc = -1;
    private int binStart; // the first document of the next run

    SampleIterator(int maxDoc, int k, SplittableRandom random) {
      this.maxDoc = maxDoc;
      this.k = k;
      this.random = random;
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public int nextDoc() {
      if (binStart >= maxDoc) {
        return doc = NO_MORE_DOCS;
      }
      int pick = binStart + random.nextInt(k);
      binStart += k;
      return doc = pick < maxDoc ? pick : NO_MORE_DOCS;
    }

    @Override
    public int advance(int target) {
      while (true) {
        int d = nextDoc();
        if (d >= target) {
          return d;
        }
        if (binStart <= target) {
          binStart = target - target % k; // skip whole runs before the target's
        }
      }
    }

    @Override
    public long cost() {
      return maxDoc / k + 1;
    }
  }

  private static Facets result(long total, long counted, long[][] counts, Map<Long, long[]> days, int top,
      Ordinals ords, List<LeafReaderContext> leaves) throws IOException {
    int fields = counts.length;
    double scale = (double) total / counted;
    Map<String, List<Facets.Value>> byField = new LinkedHashMap<>();
    for (int f = 0; f < fields; f++) {
      byField.put(Facets.FIELDS.get(f), top(counts[f], top, ords.maps()[f], leaves, f, scale));
    }
    Map<Long, Long> dayCounts = new HashMap<>();
    days.forEach((day, n) -> dayCounts.put(day, scaled(n[0], scale)));
    return histogram(total, byField, dayCounts, counted);
  }

  /**
   * The {@code top} values by count (ties by value), looking up the strings of only those
   * values whose count reaches the {@code top}-th largest.
   */
  private static List<Facets.Value> top(long[] counts, int top, OrdinalMap map,
      List<LeafReaderContext> leaves, int field, double scale) throws IOException {
    PriorityQueue<Long> largest = new PriorityQueue<>();
    for (long c : counts) {
      if (c > 0 && (largest.size() < top || c > largest.peek())) {
        largest.add(c);
        if (largest.size() > top) {
          largest.poll();
        }
      }
    }
    if (largest.isEmpty()) {
      return List.of();
    }
    long floor = largest.size() < top ? 1 : largest.peek();
    Map<Integer, SortedSetDocValues> segments = new HashMap<>();
    List<Facets.Value> candidates = new ArrayList<>();
    for (int ord = 0; ord < counts.length; ord++) {
      if (counts[ord] >= floor) {
        int segment = map.getFirstSegmentNumber(ord);
        SortedSetDocValues dv = segments.get(segment);
        if (dv == null) {
          dv = DocValues.getSortedSet(leaves.get(segment).reader(),
              IndexFields.docValuesField(Facets.FIELDS.get(field)));
          segments.put(segment, dv);
        }
        String value = dv.lookupOrd(map.getFirstSegmentOrd(ord)).utf8ToString();
        candidates.add(new Facets.Value(value, scaled(counts[ord], scale)));
      }
    }
    return candidates.stream()
        .sorted(Comparator.comparingLong(Facets.Value::count).reversed().thenComparing(Facets.Value::value))
        .limit(top).toList();
  }

  /** A sampled count scaled to all matches; a value seen in the sample counts at least one. */
  private static long scaled(long sampled, double scale) {
    return scale == 1 ? sampled : Math.max(1, Math.round(sampled * scale));
  }

  /** Buckets by month when the dates span at most four years, else by year. */
  static Facets histogram(long total, Map<String, List<Facets.Value>> byField, Map<Long, Long> days,
      long counted) {
    if (days.isEmpty()) {
      return new Facets(total, byField, List.of(), "year", counted);
    }
    long first = days.keySet().stream().min(Long::compare).orElseThrow();
    long last = days.keySet().stream().max(Long::compare).orElseThrow();
    boolean monthly = last - first <= 4 * 366;
    Map<String, Long> buckets = new TreeMap<>();
    days.forEach((day, n) -> {
      String iso = LocalDate.ofEpochDay(day).toString();
      buckets.merge(monthly ? iso.substring(0, 7) : iso.substring(0, 4), n, Long::sum);
    });
    // fill the gaps so the bars show time evenly
    List<Facets.Bucket> out = new ArrayList<>();
    YearMonth from = YearMonth.from(LocalDate.ofEpochDay(first));
    YearMonth to = YearMonth.from(LocalDate.ofEpochDay(last));
    if (monthly) {
      for (var m = from; !m.isAfter(to); m = m.plusMonths(1)) {
        out.add(new Facets.Bucket(m.toString(), buckets.getOrDefault(m.toString(), 0L)));
      }
    } else {
      for (int y = from.getYear(); y <= to.getYear(); y++) {
        String key = String.format(Locale.ROOT, "%04d", y);
        out.add(new Facets.Bucket(key, buckets.getOrDefault(key, 0L)));
      }
    }
    return new Facets(total, byField, out, monthly ? "month" : "year", counted);
  }
}
