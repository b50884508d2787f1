package dev.vigil.alerts;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;

/** Sends plain-text alert e-mail through an SMTP server (Jakarta Mail). */
public final class MailSender {
  /**
   * Where and as whom to send: {@code host} null means e-mail is not configured;
   * {@code username} null means no authentication.
   */
  public record Settings(String host, int port, String username, String password, String from,
      boolean startTls) {
    public boolean configured() {
      return host != null && !host.isBlank();
    }
  }

  private final Settings settings;
  private final Session session;

  public MailSender(Settings settings) {
    this.settings = settings;
    Properties p = new Properties();
    if (settings.configured()) {
      p.put("mail.smtp.host", settings.host());
      p.put("mail.smtp.port", Integer.toString(settings.port()));
      p.put("mail.smtp.connectiontimeout", "10000");
      p.put("mail.smtp.timeout", "15000");
      p.put("mail.smtp.writetimeout", "15000");
      if (settings.startTls()) {
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
      }
    }
    Authenticator auth = null;
    if (settings.username() != null && !settings.username().isBlank()) {
      p.put("mail.smtp.auth", "true");
      auth = new Authenticator() {
        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
          return new PasswordAuthentication(settings.username(), settings.password());
        }
      };
    }
    this.session = Session.getInstance(p, auth);
  }

  /**
   * Sends one message.
   *
   * @throws DeliveryException if SMTP is not configured or the server refuses the message
   */
  public void send(String to, String subject, String text) throws DeliveryException {
    if (!settings.configured()) {
      throw new DeliveryException("e-mail is not configured: set alerts.smtp.host in config.yaml");
    }
    try {
      MimeMessage m = new MimeMessage(session);
      m.setFrom(new InternetAddress(settings.from(), true));
      m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
      m.setSubject(subject, "UTF-8");
      m.setSentDate(new Date());
      m.setText(text, "UTF-8");
      Transport.send(m);
    } catch (MessagingException e) {
      throw new DeliveryException("SMTP " + settings.host() + ":" + settings.port() + " to " + to
          + ": " + e.getMessage(), e);
    }
  }
}
