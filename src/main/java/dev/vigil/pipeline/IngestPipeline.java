package dev.vigil.pipeline;

import dev.vigil.extract.ExtractionException;
import dev.vigil.ingest.DocumentSink;
import dev.vigil.ingest.FileSource;
import dev.vigil.ingest.InputFile;
import dev.vigil.model.AnalyzedArticle;
import dev.vigil.model.Failure;
import dev.vigil.model.RawDocument;
import dev.vigil.store.Marking;
import dev.vigil.store.Store;
import dev.vigil.stories.StoryUpdater;
import dev.vigil.store.WriteOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests files and folders into a store. One thread reads inputs, {@code workers} threads
 * extract and annotate, and the calling thread writes batches: each batch is one database
 * transaction, and its articles are reported stored only after it commits. Bounded queues
 * between the threads hold memory flat whatever the input size. A bad input is reported and
 * skipped; a failure of the store itself stops the run (what was committed stays).
 */
public final class IngestPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);
  private static final RawDocument END_OF_INPUT =
      new RawDocument("(end)", null, RawDocument.Format.TEXT, new byte[0], RawDocument.Given.NONE);
  private static final Object END_OF_WORK = new Object();

  /** How the pipeline runs. */
  public record Options(int workers, int batchSize, Duration maxBatchDelay) {
    public Options {
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be at least 1: " + workers);
      }
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);
      }
    }
  }

  private final FileSource source;
  private final ArticleAnalysis analysis;
  private final Store store;
  private final Options options;
  private final Marking marking;
  private final StoryUpdater stories = StoryUpdater.standard();
  /** Clock then CPU nanoseconds of the writer's steps: database, index, stories. */
  private final java.util.concurrent.atomic.AtomicLongArray writeNanos = new java.util.concurrent.atomic.AtomicLongArray(6);
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  /**
   * Time the writing thread spent, summed over a run: database, index, story assignment, by the
   * clock and in CPU time of the writing thread.
   */
  public record WriteTimes(Duration database, Duration index, Duration stories,
      Duration databaseCpu, Duration indexCpu, Duration storiesCpu) {}

  public IngestPipeline(FileSource source, ArticleAnalysis analysis, Store store, Options options) {
    this(source, analysis, store, options, null);
  }

  /**
   * A pipeline that marks what it stores with {@code marking} (an organisation's own reports;
   * null: public news, and a stored article keeps its marking).
   */
  public IngestPipeline(FileSource source, ArticleAnalysis analysis, Store store, Options options,
      Marking marking) {
    this.source = source;
    this.analysis = analysis;
    this.store = store;
    this.options = options;
    this.marking = marking;
  }

  /** Ingests {@code inputs}, telling {@code listener} what happens, and returns the totals. */
  public IngestReport run(List<Path> inputs, IngestListener listener) throws InterruptedException {
    long started = System.nanoTime();
    FileSource.Plan plan = source.plan(inputs);
    Counters counters = new Counters();
    counters.bytesTotal = plan.totalBytes();
    List<Failure> pendingFailures = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.function.Consumer<Failure> fail = f -> {
      counters.skipped.incrementAndGet();
      pendingFailures.add(f);
      listener.failed(f);
    };
    plan.failures().forEach(fail);

    BlockingQueue<RawDocument> toAnalyse = new ArrayBlockingQueue<>(options.workers() * 16);
    BlockingQueue<Object> toWrite = new ArrayBlockingQueue<>(options.batchSize() * 2);
    AtomicReference<Throwable> fatal = new AtomicReference<>();

    Thread reader = new Thread(() -> {
      try {
        DocumentSink sink = new DocumentSink() {
          @Override
          public void document(RawDocument document) throws InterruptedException {
            toAnalyse.put(document);
          }

          @Override
          public void failure(Failure failure) {
            fail.accept(failure);
          }

          @Override
          public void consumed(long bytes) {
            counters.bytesDone.addAndGet(bytes);
          }
        };
        for (InputFile file : plan.files()) {
          if (fatal.get() != null) {
            break;
          }
          source.read(file, sink);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        fatal.compareAndSet(null, e);
      } finally {
        for (int i = 0; i < options.workers(); i++) {
          putQuietly(toAnalyse, END_OF_INPUT);
        }
      }
    }, "vigil-read");

    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < options.workers(); w++) {
      workers.add(new Thread(() -> {
        try {
          for (RawDocument doc; (doc = toAnalyse.take()) != END_OF_INPUT; ) {
            if (fatal.get() != null) {
              continue; // drain so that the reader is not blocked
            }
            try {
              toWrite.put(analysis.analyze(doc, null));
            } catch (ExtractionException e) {
              fail.accept(new Failure("extract", doc.origin(), doc.line(), e.getMessage()));
            } catch (IllegalArgumentException e) {
              fail.accept(new Failure("extract", doc.origin(), doc.line(), e.getMessage()));
            } catch (RuntimeException | StackOverflowError e) {
              LOG.error("analysis of {} failed", doc.where(), e);
              fail.accept(new Failure("analyze", doc.origin(), doc.line(),
                  "internal error: " + e + " (details in the log)"));
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          putQuietly(toWrite, END_OF_WORK);
        }
      }, "vigil-analyse-" + w));
    }

    reader.setDaemon(true);
    reader.start();
    workers.forEach(t -> {
      t.setDaemon(true);
      t.start();
    });

    int running = options.workers();
    List<AnalyzedArticle> batch = new ArrayList<>();
    long lastProgress = 0;
    long batchStarted = System.nanoTime();
    try {
      while (running > 0) {
        Object item = toWrite.poll(100, TimeUnit.MILLISECONDS);
        if (item == END_OF_WORK) {
          running--;
        } else if (item != null) {
          if (batch.isEmpty()) {
            batchStarted = System.nanoTime();
          }
          batch.add((AnalyzedArticle) item);
        }
        boolean due = !batch.isEmpty() && (batch.size() >= options.batchSize()
            || System.nanoTime() - batchStarted >= options.maxBatchDelay().toNanos()
            || running == 0);
        if (due) {
          commit(batch, counters, listener);
          batch.clear();
        }
        flushFailures(pendingFailures);
        if (System.nanoTime() - lastProgress > 1_000_000_000L) {
          lastProgress = System.nanoTime();
          listener.progress(counters.snapshot(started, false));
        }
      }
      if (!batch.isEmpty()) {
        commit(batch, counters, listener);
      }
    } catch (RuntimeException e) {
      fatal.compareAndSet(null, e);
    }
    flushFailures(pendingFailures);
    if (fatal.get() != null) {
      reader.interrupt();
      workers.forEach(Thread::interrupt);
      Throwable t = fatal.get();
      if (t instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(t);
    }
    reader.join();
    store.catchUpIndex(n -> {}); // commit what the near-real-time refreshes left uncommitted
    IngestProgress last = counters.snapshot(started, true);
    listener.progress(last);
    return new IngestReport(plan.files().size(), counters.inserted.get(), counters.updated.get(),
        counters.unchanged.get(), counters.skipped.get(), plan.ignored(), last.elapsed());
  }

  /** What writing has cost so far (for {@code vigil bench ingest}). */
  public WriteTimes writeTimes() {
    return new WriteTimes(Duration.ofNanos(writeNanos.get(0)), Duration.ofNanos(writeNanos.get(1)),
        Duration.ofNanos(writeNanos.get(2)), Duration.ofNanos(writeNanos.get(3)),
        Duration.ofNanos(writeNanos.get(4)), Duration.ofNanos(writeNanos.get(5)));
  }

  private void commit(List<AnalyzedArticle> batch, Counters counters, IngestListener listener) {
    long t0 = System.nanoTime();
    long c0 = cpuNanos();
    List<WriteOutcome> outcomes = store.articles().write(List.copyOf(batch), marking);
    long t1 = System.nanoTime();
    long c1 = cpuNanos();
    store.refreshIndex(); // searchable now; committed at most every second, and at the end of the run
    long t2 = System.nanoTime();
    long c2 = cpuNanos();
    stories.catchUp(store); // each committed (and indexed) article joins its story, in write order
    writeNanos.addAndGet(0, t1 - t0);
    writeNanos.addAndGet(1, t2 - t1);
    writeNanos.addAndGet(2, System.nanoTime() - t2);
    writeNanos.addAndGet(3, c1 - c0);
    writeNanos.addAndGet(4, c2 - c1);
    writeNanos.addAndGet(5, cpuNanos() - c2);
    for (WriteOutcome o : outcomes) {
      switch (o.status()) {
        case INSERTED -> counters.inserted.incrementAndGet();
        case UPDATED -> counters.updated.incrementAndGet();
        case UNCHANGED -> counters.unchanged.incrementAndGet();
      }
    }
    counters.firstStored(outcomes.size());
    listener.stored(outcomes);
  }

  private static long cpuNanos() {
    return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
  }

  private void flushFailures(List<Failure> pending) {
    List<Failure> copy;
    synchronized (pending) {
      if (pending.isEmpty()) {
        return;
      }
      copy = new ArrayList<>(pending);
      pending.clear();
    }
    store.articles().recordFailures(copy);
  }

  private static <T> void putQuietly(BlockingQueue<T> queue, T item) {
    try {
      queue.put(item);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      queue.offer(item);
    }
  }

  private static final class Counters {
    final AtomicLong bytesDone = new AtomicLong();
    volatile long bytesTotal;
    final AtomicLong inserted = new AtomicLong();
    final AtomicLong updated = new AtomicLong();
    final AtomicLong unchanged = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    /** When the first batch was committed (System.nanoTime), and its size; 0 before. */
    volatile long firstStoredNanos;
    volatile long firstStoredArticles;

    /** Notes the first commit: what comes before it pays for loading models and warming up. */
    void firstStored(int articles) {
      if (firstStoredNanos == 0 && articles > 0) {
        firstStoredArticles = articles;
        firstStoredNanos = System.nanoTime();
      }
    }

    IngestProgress snapshot(long startedNanos, boolean finished) {
      long first = firstStoredNanos;
      return new IngestProgress(bytesDone.get(), bytesTotal,
          inserted.get() + updated.get() + unchanged.get(), skipped.get(),
          Duration.ofNanos(System.nanoTime() - startedNanos), finished,
          first == 0 ? 0 : firstStoredArticles,
          first == 0 ? null : Duration.ofNanos(first - startedNanos));
    }
  }
}
