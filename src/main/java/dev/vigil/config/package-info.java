/**
 * Configuration: one documented defaults file ({@code vigil-defaults.yaml} in the resources)
 * that a user overrides with {@code config.yaml} in the data directory; read through typed
 * getters; unknown keys are rejected with the file and key named.
 */
package dev.vigil.config;
