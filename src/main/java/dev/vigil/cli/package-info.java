/**
 * The {@code vigil} command line: the top floor that wires the stages together in plain
 * code. Exit status: 0 when everything went through, 1 on an error that stopped the command,
 * 2 on a usage error, 3 when the command finished but skipped some inputs (each reported on
 * standard error with its path, line and reason).
 */
package dev.vigil.cli;
