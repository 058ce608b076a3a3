package pe.gob.pcm.platform.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends one rendered message to one person, plain text with its HTML alternative. */
final class Mailer {

  private final boolean active;
  private final ObjectProvider<JavaMailSender> sender;
  private final String from;

  Mailer(boolean active, ObjectProvider<JavaMailSender> sender, String from) {
    this.active = active;
    this.sender = sender;
    this.from = from;
  }

  /** Notifications are on (and Spring Boot made a mail sender from {@code spring.mail.*}). */
  boolean active() {
    return active;
  }

  /**
   * Sends now; a refused or unreachable SMTP server throws (the mail job then fails and is
   * retried).
   */
  void send(Recipient to, MailTemplates.Message message) {
    JavaMailSender mail = sender.getObject();
    MimeMessage mime = mail.createMimeMessage();
    try {
      MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
      helper.setFrom(from);
      helper.setTo(to.email());
      helper.setSubject(message.subject());
      helper.setText(message.text(), message.html());
    } catch (MessagingException e) {
      throw new MailPreparationException("No se pudo preparar el correo para " + to.userId(), e);
    }
    mail.send(mime);
  }
}
