package dev.vigil.cli;

/** The exit statuses of {@code vigil}. */
final class ExitCodes {
  static final int OK = 0;
  static final int ERROR = 1;
  static final int USAGE = 2;
  static final int SKIPPED = 3;

  private ExitCodes() {}
}
