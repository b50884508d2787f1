/**
 * Polite HTTP fetching: robots.txt, one request at a time per host with a delay between
 * requests, conditional GET, retries with backoff for 429/5xx and network errors, timeouts, a
 * maximum body size, gzip/br, redirects with a limit, and charset detection. The front door is
 * {@link dev.vigil.fetch.Fetcher#fetch}.
 */
package dev.vigil.fetch;
