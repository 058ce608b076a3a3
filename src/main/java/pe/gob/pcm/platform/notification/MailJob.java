package pe.gob.pcm.platform.notification;

import java.time.LocalDate;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;

/**
 * What one mail job sends, as the job's handler configuration ({@code ACT_RU_JOB.HANDLER_CFG_}):
 * only ids, never addresses nor texts (a request's reason is in the job's payload, see
 * {@link Notifications}).
 *
 * @param kind what is sent
 * @param id the task id (TASK), the user id (DIGEST) or the payload's byte array id (REQUEST)
 * @param userId TASK only: the one person this copy goes to (null = work out the recipients)
 * @param day DIGEST only: the day of the digest
 */
record MailJob(Kind kind, String id, String userId, LocalDate day) implements JobHandlerConfiguration {

  enum Kind { TASK, DIGEST, REQUEST }

  private static final String SEPARATOR = "|";

  static MailJob task(String taskId) {
    return new MailJob(Kind.TASK, taskId, null, null);
  }

  static MailJob taskFor(String taskId, String userId) {
    return new MailJob(Kind.TASK, taskId, userId, null);
  }

  static MailJob digest(String userId, LocalDate day) {
    return new MailJob(Kind.DIGEST, userId, null, day);
  }

  static MailJob request(String payloadId) {
    return new MailJob(Kind.REQUEST, payloadId, null, null);
  }

  static MailJob parse(String canonical) {
    String[] parts = canonical.split("\\|", -1);
    Kind kind = Kind.valueOf(parts[0]);
    return switch (kind) {
      case TASK -> new MailJob(kind, parts[1], parts.length > 2 && !parts[2].isEmpty() ? parts[2] : null, null);
      case DIGEST -> new MailJob(kind, parts[1], null, LocalDate.parse(parts[2]));
      case REQUEST -> new MailJob(kind, parts[1], null, null);
    };
  }

  @Override
  public String toCanonicalString() {
    return switch (kind) {
      case TASK -> kind + SEPARATOR + id + (userId == null ? "" : SEPARATOR + userId);
      case DIGEST -> kind + SEPARATOR + id + SEPARATOR + day;
      case REQUEST -> kind + SEPARATOR + id;
    };
  }
}
