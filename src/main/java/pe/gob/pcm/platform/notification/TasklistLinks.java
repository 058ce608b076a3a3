package pe.gob.pcm.platform.notification;

/**
 * Links into Tasklist from the platform's public address ({@code platform.public-url}; unset,
 * {@value #LOCAL}, the demo's).
 */
public final class TasklistLinks {

  static final String LOCAL = "http://localhost:8080";

  private final String base;

  TasklistLinks(String publicUrl) {
    this.base = (publicUrl == null || publicUrl.isBlank() ? LOCAL : publicUrl.strip()).replaceAll("/+$", "");
  }

  /** The platform's public address, without a trailing slash (also for the account links). */
  public String base() {
    return base;
  }

  /** Tasklist with the task open. */
  public String task(String taskId) {
    return tasklist() + "#/?task=" + taskId;
  }

  /** Tasklist's start page (the person's task lists). */
  public String tasklist() {
    return base() + "/camunda/app/tasklist/default/";
  }
}
