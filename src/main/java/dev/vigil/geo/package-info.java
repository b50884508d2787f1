/**
 * Geography: the bundled gazetteer of countries, regions and cities ({@link
 * dev.vigil.geo.Gazetteer}), the project tool that builds it from public data ({@link
 * dev.vigil.geo.GazetteerBuilder}), and the stage that finds toponyms in a tagged text and
 * puts them on the map ({@link dev.vigil.geo.Geocoder}). Sits beside {@code model}: imports
 * nothing of ours but the model records.
 */
package dev.vigil.geo;
