package pe.gob.pcm.platform.account;

import java.time.Duration;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.StringUtils;
import pe.gob.pcm.platform.notification.TasklistLinks;

/**
 * Sends a one-time link to the person it is for, after the transaction that made it commits.
 * Without a mail server ({@code spring.mail.host}) nothing can be sent: the demo
 * ({@code platform.accounts.log-links}) writes the link to the log instead, so that it can be
 * tried on localhost; elsewhere the log only says that no link was sent.
 */
@Component
public class LinkMailer {

  private static final Logger LOG = LoggerFactory.getLogger(LinkMailer.class);

  private final ObjectProvider<JavaMailSender> mail;
  private final String mailHost;
  private final String from;
  private final TasklistLinks links;
  private final boolean logLinks;

  public LinkMailer(ObjectProvider<JavaMailSender> mail, @Value("${spring.mail.host:}") String mailHost,
      @Value("${platform.mail.from:no-responder@plataforma.gob.pe}") String from,
      TasklistLinks links, @Value("${platform.accounts.log-links:false}") boolean logLinks) {
    this.mail = mail;
    this.mailHost = mailHost;
    this.from = from;
    this.links = links;
    this.logLinks = logLinks;
  }

  /** The page where the token is redeemed. */
  String linkFor(String token) {
    return linkFor("/cuentas/clave.html", token);
  }

  String linkFor(String page, String token) {
    return links.base() + page + "?token=" + token;
  }

  /** A link of another purpose than a password, with its own subject and text. */
  void sendAfterCommit(User user, OneTimeLinks.LinkMessage message, String link, Duration validity) {
    afterCommit(() -> send(user, message.subject(), message.text(), link, validity));
  }

  void sendAfterCommit(User user, String purpose, String link, Duration validity) {
    afterCommit(() -> send(user, purpose, link, validity));
  }

  private static void afterCommit(Runnable send) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          send.run();
        }
      });
    } else {
      send.run();
    }
  }

  private void send(User user, String purpose, String link, Duration validity) {
    JavaMailSender sender = StringUtils.hasText(mailHost) ? mail.getIfAvailable() : null;
    if (sender == null) {
      if (logLinks) {
        LOG.warn("Sin servidor de correo (demostración): enlace para {} ({}): {}", user.getId(), purpose, link);
      } else {
        LOG.warn("Sin servidor de correo (spring.mail.host): no se envió el enlace de {} a {}", purpose, user.getId());
      }
      return;
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(user.getEmail());
    boolean activate = OneTimeLinks.ACTIVATE.equals(purpose);
    boolean reactivate = OneTimeLinks.REACTIVATE.equals(purpose);
    message.setSubject(activate ? "Active su cuenta en la plataforma de la PCM"
        : reactivate ? "Su cuenta en la plataforma de la PCM fue reactivada"
        : "Restablezca su contraseña en la plataforma de la PCM");
    message.setText("Estimado(a) " + user.getFirstName() + " " + user.getLastName() + ":\n\n"
        + (activate ? "Se creó su cuenta «" + user.getId() + "» en la plataforma de gestión organizacional e"
            + " interoperabilidad documental de la PCM."
            : reactivate ? "El usuario máster de su entidad reactivó su cuenta «" + user.getId() + "»."
            : "Se pidió restablecer la contraseña de su cuenta «" + user.getId() + "».")
        + "\n\nPara elegir su contraseña, abra este enlace (funciona una sola vez y vence en "
        + validity.toHours() + " horas):\n\n" + link
        + "\n\nNadie de la PCM le pedirá su contraseña. Si usted no esperaba este mensaje, ignórelo.\n");
    try {
      sender.send(message);
    } catch (MailException e) {
      // the account exists; a new link can be asked for (registration again, or the master user)
      LOG.error("No se pudo enviar el enlace de {} a {}: {}", purpose, user.getId(), e.getMessage());
    }
  }

  private void send(User user, String subject, String text, String link, Duration validity) {
    JavaMailSender sender = StringUtils.hasText(mailHost) ? mail.getIfAvailable() : null;
    if (sender == null) {
      if (logLinks) {
        LOG.warn("Sin servidor de correo (demostración): enlace para {} ({}): {}", user.getId(), subject, link);
      } else {
        LOG.warn("Sin servidor de correo (spring.mail.host): no se envió el enlace «{}» a {}", subject, user.getId());
      }
      return;
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(user.getEmail());
    message.setSubject(subject);
    message.setText("Estimado(a) " + user.getFirstName() + " " + user.getLastName() + ":\n\n" + text
        + "\n\nAbra este enlace (funciona una sola vez y vence en " + validity.toHours() + " horas):\n\n" + link
        + "\n\nNadie de la PCM le pedirá este dato. Si usted no esperaba este mensaje, ignórelo.\n");
    try {
      sender.send(message);
    } catch (MailException e) {
      LOG.error("No se pudo enviar el enlace «{}» a {}: {}", subject, user.getId(), e.getMessage());
    }
  }
}
