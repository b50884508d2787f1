package dev.vigil.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The route table: the exceptions it lists, and the default by method for every other route. */
class AccessTest {
  @Test
  void aRouteNobodyListedNeedsReadForGetAndWriteOtherwise() {
    assertThat(Access.permission("GET", "/entities/Q123")).isEqualTo(Permission.READ);
    assertThat(Access.permission("HEAD", "/bench")).isEqualTo(Permission.READ);
    assertThat(Access.permission("POST", "/stories/4/merge")).isEqualTo(Permission.WRITE);
    assertThat(Access.permission("DELETE", "/api/v1/watchlists/3")).isEqualTo(Permission.WRITE);
    assertThat(Access.permission("patch", "/api/v1/anything")).isEqualTo(Permission.WRITE);
  }

  @Test
  void theListedExceptions() {
    assertThat(Access.permission("GET", "/login")).isEqualTo(Permission.PUBLIC);
    assertThat(Access.permission("POST", "/login")).isEqualTo(Permission.PUBLIC);
    assertThat(Access.permission("GET", "/static/vigil.css")).isEqualTo(Permission.PUBLIC);
    assertThat(Access.permission("POST", "/static/vigil.css")).isEqualTo(Permission.WRITE);
    assertThat(Access.permission("POST", "/logout")).isEqualTo(Permission.SIGNED_IN);
    assertThat(Access.permission("GET", "/api/v1/users")).isEqualTo(Permission.ADMIN);
    assertThat(Access.permission("DELETE", "/api/v1/tokens/tok-1")).isEqualTo(Permission.ADMIN);
    assertThat(Access.permission("GET", "/api/v1/tokensmith")).isEqualTo(Permission.READ);
    assertThat(Access.permission("POST", "/admin/users/x/disable")).isEqualTo(Permission.ADMIN);
  }

  @Test
  void anEncodedPathCannotDodgeARule() {
    assertThat(Access.permission("POST", "/admin%2Fusers/x/disable")).isEqualTo(Permission.ADMIN);
    assertThat(Access.permission("DELETE", "/api/v1/%74okens/tok-1")).isEqualTo(Permission.ADMIN);
    assertThat(Access.permission("GET", "//api/v1/users")).isEqualTo(Permission.ADMIN);
    assertThat(Access.permission("GET", "/login%")).isEqualTo(Permission.READ);
  }

  @Test
  void aReadTokenOnlyReads() {
    Principal token = new Principal("a", "o", dev.vigil.team.Role.ADMIN, Principal.Via.TOKEN, true, null);
    assertThat(token.allows(Permission.READ)).isTrue();
    assertThat(token.allows(Permission.WRITE)).isFalse();
    assertThat(token.allows(Permission.ADMIN)).isFalse();
  }

  @Test
  void theNextPageAfterSignInStaysOnThisSite() {
    assertThat(TeamPages.next("/stories/3")).isEqualTo("/stories/3");
    assertThat(TeamPages.next("//evil.example/")).isEqualTo("/");
    assertThat(TeamPages.next("https://evil.example/")).isEqualTo("/");
    assertThat(TeamPages.next("/\\evil.example")).isEqualTo("/");
    assertThat(TeamPages.next(null)).isEqualTo("/");
  }
}
