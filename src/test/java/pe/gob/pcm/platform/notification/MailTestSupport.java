package pe.gob.pcm.platform.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;

/** A real SMTP server (GreenMail) on a free local port, and readers of what it received. */
final class MailTestSupport {

  private MailTestSupport() {}

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static GreenMail smtp(int port) {
    GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    return smtp;
  }

  /** The messages received by one address. */
  static List<MimeMessage> to(GreenMail smtp, String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return m.getRecipients(Message.RecipientType.TO) != null && Arrays.stream(m.getRecipients(Message.RecipientType.TO))
            .anyMatch(a -> a.toString().equalsIgnoreCase(address));
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  static String text(MimeMessage message) {
    return part(message, "text/plain");
  }

  static String html(MimeMessage message) {
    return part(message, "text/html");
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String part(Part part, String type) {
    try {
      if (part.isMimeType(type)) {
        return (String) part.getContent();
      }
      if (part.getContent() instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart child = multipart.getBodyPart(i);
          String found = part(child, type);
          if (found != null) {
            return found;
          }
        }
      }
      return null;
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The mail jobs of a process instance, or the detached ones (null) of the given kind. */
  static List<Job> mailJobs(ManagementService management, String processInstanceId, MailJob.Kind kind) {
    var query = management.createJobQuery();
    if (processInstanceId != null) {
      query.processInstanceId(processInstanceId);
    }
    return query.list().stream()
        .filter(job -> MailJobHandler.TYPE.equals(((JobEntity) job).getJobHandlerType()))
        .filter(job -> kind == null || ((JobEntity) job).getJobHandlerConfigurationRaw().startsWith(kind + "|"))
        .filter(job -> processInstanceId != null || job.getProcessInstanceId() == null)
        .toList();
  }

  /** Runs the mail jobs of the instance until none is left (a task's job may create one per person). */
  static int runAll(ManagementService management, String processInstanceId) {
    int ran = 0;
    for (List<Job> jobs = mailJobs(management, processInstanceId, null); !jobs.isEmpty();
        jobs = mailJobs(management, processInstanceId, null)) {
      for (Job job : jobs) {
        management.executeJob(job.getId());
        ran++;
      }
    }
    return ran;
  }
}
