/**
 * The records that flow between Vigil's stages: articles, their annotations, events and
 * failures. This is the ground floor: it imports nothing else of Vigil's, and every record
 * validates itself in its compact constructor, naming the bad value.
 */
package dev.vigil.model;
