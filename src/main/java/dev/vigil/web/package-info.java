/**
 * The dashboard and the JSON API ({@code /api/v1}), served by Javalin. Pages are rendered on
 * the server from Pebble templates (auto-escaped); every error is answered with a status code
 * and a message, never a stack trace.
 */
package dev.vigil.web;
