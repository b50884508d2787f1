package dev.vigil.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.vigil.Articles;
import dev.vigil.store.Alert;
import dev.vigil.store.Store;
import dev.vigil.store.Watchlist;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Alert e-mail received by a real SMTP server (GreenMail) on a free loopback port. */
class MailDeliveryTest {
  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path dir;

  static Watchlist byMail(String email) {
    return new Watchlist(0, "clashes by mail", "clashed", null, null, null, null, null, null, null,
        null, 1, "immediate", null, null, email, null, null);
  }

  @Test
  void anAlertArrivesByEmailWithWhyItFired() throws Exception {
    Instant now = Instant.parse("2026-03-02T10:10:00Z");
    try (Store store = Store.open(dir)) {
      store.watchlists().create(byMail("analyst@example.org"));
      store.write(List.of(Articles.placed("p-1")));
      new AlertEvaluator(store, StoryContext.standalone()).evaluate(now);
      MailSender mail = new MailSender(new MailSender.Settings("127.0.0.1",
          smtp.getSmtp().getPort(), null, null, "vigil@example.org", false));
      AlertDelivery.Outcome o = new AlertDelivery(store, new WebhookSender(), mail,
          "http://vigil.test/", new Random(1)).deliverDue(now);
      assertThat(o.sent()).isEqualTo(1);

      MimeMessage[] got = smtp.getReceivedMessages();
      assertThat(got).hasSize(1);
      assertThat(got[0].getAllRecipients()[0].toString()).isEqualTo("analyst@example.org");
      assertThat(got[0].getFrom()[0].toString()).isEqualTo("vigil@example.org");
      assertThat(got[0].getSubject()).isEqualTo("[Vigil] clashes by mail: Clash on the border");
      String body = GreenMailUtil.getBody(got[0]);
      assertThat(body).contains("http://vigil.test/articles/p-1").contains("query: ")
          .contains("clashed");
      assertThat(store.watchlists().alerts(1, 1).get(0).deliveries().get(0).status()).isEqualTo("delivered");
    }
  }

  @Test
  void withoutSmtpConfiguredTheDeliveryFailsVisibly() {
    Instant now = Instant.parse("2026-03-02T10:10:00Z");
    try (Store store = Store.open(dir)) {
      store.watchlists().create(byMail("analyst@example.org"));
      store.write(List.of(Articles.placed("p-1")));
      new AlertEvaluator(store, StoryContext.standalone()).evaluate(now);
      MailSender none = new MailSender(new MailSender.Settings(null, 587, null, null, "vigil@localhost", true));
      new AlertDelivery(store, new WebhookSender(), none, null, new Random(1)).deliverDue(now);
      Alert.Delivery d = store.watchlists().alerts(1, 1).get(0).deliveries().get(0);
      assertThat(d.status()).isEqualTo("pending");
      assertThat(d.lastError()).contains("alerts.smtp.host");
      assertThat(store.watchlists().failedDeliveries(1)).isEqualTo(1);
    }
  }
}
