package pe.gob.pcm.platform.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.gob.pcm.platform.support.Actors.MUNI_RUC;

import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSender;
import pe.gob.pcm.platform.support.PlatformTest;

/** The shared test context has no SMTP server: notifications are off and nothing is even queued. */
@PlatformTest
class NotificationsDisabledIT {

  static final String KEY = "correo-apagado";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired Notifications notifications;
  @Autowired ApplicationContext context;

  @Test
  void withoutAMailHostNoMailJobIsCreatedAndNoDigestIsScheduled() {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
      repository.createDeployment().name(KEY).addModelInstance(KEY + ".bpmn",
          Bpmn.createExecutableProcess(KEY).name("Sin correo").camundaHistoryTimeToLive(1).startEvent()
              .userTask("Task_Revisar").name("Revisar").camundaAssignee("muni.tramite")
              .endEvent().done()).deploy();
    }
    assertThat(notifications.active()).isFalse();
    assertThat(context.getBeanNamesForType(JavaMailSender.class)).isEmpty();
    assertThat(context.getBeanNamesForType(DailyDigest.class)).isEmpty();
    long mailJobsBefore = MailTestSupport.mailJobs(management, null, null).size();

    ProcessInstance pi = runtime.startProcessInstanceByKey(KEY, Map.of("entityRuc", MUNI_RUC));
    notifications.requestRejected("muni.ti", "Sin correo", "motivo", null);

    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskAssignee("muni.tramite").count()).isEqualTo(1);
    assertThat(MailTestSupport.mailJobs(management, pi.getId(), null)).isEmpty();
    assertThat(MailTestSupport.mailJobs(management, null, null)).hasSize((int) mailJobsBefore);
  }
}
