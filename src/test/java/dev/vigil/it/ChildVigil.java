package dev.vigil.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** {@code vigil} run as a separate JVM from the packaged jar, its output collected line by line. */
final class ChildVigil implements AutoCloseable {
  private final Process process;
  final List<String> out = Collections.synchronizedList(new ArrayList<>());
  final List<String> err = Collections.synchronizedList(new ArrayList<>());
  private final Thread outReader;
  private final Thread errReader;
  private volatile Predicate<String> awaited = l -> false;
  private volatile CountDownLatch seen = new CountDownLatch(1);

  private ChildVigil(Process process) {
    this.process = process;
    this.outReader = pump(process.getInputStream(), out, true);
    this.errReader = pump(process.getErrorStream(), err, false);
  }

  static Path jar() {
    Path jar = Path.of(System.getProperty("vigil.jar", "target/vigil.jar"));
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: integration tests run after `mvn package`");
    }
    return jar;
  }

  static ChildVigil start(String... args) throws IOException {
    return start(java.util.Map.of(), args);
  }

  /** Starts {@code vigil args} with {@code env} added to this process's environment. */
  static ChildVigil start(java.util.Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
        "-cp", jar().toString(), "dev.vigil.cli.Main"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(env);
    return new ChildVigil(builder.start());
  }

  private Thread pump(java.io.InputStream stream, List<String> sink, boolean watch) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          sink.add(line);
          if (watch && awaited.test(line)) {
            seen.countDown();
          }
        }
      } catch (IOException ignored) {
        // the process is gone
      }
    });
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Waits until a line of standard output satisfies {@code condition} (checked from now on). */
  boolean awaitLine(Predicate<String> condition, long seconds) throws InterruptedException {
    seen = new CountDownLatch(1);
    awaited = condition;
    synchronized (out) {
      for (String l : out) {
        if (condition.test(l)) {
          return true;
        }
      }
    }
    return seen.await(seconds, TimeUnit.SECONDS);
  }

  /** SIGKILL: no shutdown hooks, no flushing, no goodbye. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    outReader.join(10_000);
    errReader.join(10_000);
  }

  /** SIGTERM: the shutdown hooks run. True if the process has exited within a minute. */
  boolean terminate() throws InterruptedException {
    process.destroy();
    boolean exited = process.waitFor(60, TimeUnit.SECONDS);
    outReader.join(10_000);
    return exited;
  }

  int waitFor(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("vigil did not finish within " + seconds + " s; stderr: " + err);
    }
    outReader.join(10_000);
    errReader.join(10_000);
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
