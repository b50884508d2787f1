package dev.vigil.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/** Logs go to standard error (warnings and errors) and, once a data directory is known, to its log file. */
final class Logging {
  private static boolean fileAttached;

  private Logging() {}

  /** Also writes INFO and above to {@code dataDir/logs/vigil.log}. */
  static synchronized void toDataDir(Path dataDir) {
    if (fileAttached || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
      return;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(ctx);
    encoder.setPattern("%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n");
    encoder.start();
    FileAppender<ILoggingEvent> file = new FileAppender<>();
    file.setContext(ctx);
    file.setName("vigil-file");
    file.setFile(dataDir.resolve("logs").resolve("vigil.log").toString());
    file.setAppend(true);
    file.setEncoder(encoder);
    file.start();
    ch.qos.logback.classic.Logger vigil = ctx.getLogger("dev.vigil");
    vigil.setLevel(Level.INFO); // INFO reaches the file through the root's appenders
    ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(file);
    fileAttached = true;
  }
}
