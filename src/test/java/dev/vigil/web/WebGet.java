package dev.vigil.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A GET to a test server over loopback, shared by the web integration tests. */
final class WebGet {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private WebGet() {}

  static HttpResponse<String> get(WebServer server, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
