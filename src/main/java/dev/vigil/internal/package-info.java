/**
 * Helpers shared by Vigil's packages. Not API: do not depend on anything here from outside
 * Vigil; it changes without notice.
 */
package dev.vigil.internal;
