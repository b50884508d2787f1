/**
 * The actor knowledge base: people, organisations, armed groups, governments, IGOs and media
 * outlets with their aliases (Latin, Cyrillic, Arabic script), countries and dated roles,
 * and {@link dev.vigil.kb.EntityLinker}, the stage that links entity mentions to it.
 *
 * <p>The base is built from the Phoenix/PETRARCH actor dictionaries
 * ({@link dev.vigil.kb.PhoenixDictionaries}, committed as {@code kb/phoenix-actors.tsv.gz}),
 * the hand-curated {@code kb/curated.yaml}, and a user's {@code kb.yaml} in the data
 * directory, in rising order of precedence.
 */
package dev.vigil.kb;
