/**
 * Language identification, a reference service beside {@code model} that the extract and
 * annotate stages share.
 */
package dev.vigil.lang;
