package pe.gob.pcm.platform.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class NotificationActivationTest {

  @Test
  void offWithoutAMailHostOnWithOneAndTheFlagWins() {
    assertThat(NotificationActivation.active(new MockEnvironment())).isFalse();
    assertThat(NotificationActivation.active(new MockEnvironment().withProperty("spring.mail.host", "smtp.local"))).isTrue();
    assertThat(NotificationActivation.active(new MockEnvironment().withProperty("spring.mail.host", "smtp.local")
        .withProperty("platform.notifications.enabled", "false"))).isFalse();
    assertThat(NotificationActivation.active(new MockEnvironment().withProperty("spring.mail.host", " ")))
        .isFalse();
    assertThatThrownBy(() -> NotificationActivation.active(new MockEnvironment()
        .withProperty("platform.notifications.enabled", "true")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("spring.mail.host");
  }

  @Test
  void templatesFillValuesEscapeHtmlAndDropEmptySections() {
    MailTemplates.Message message = new MailTemplates().render("tarea-nueva", Map.of(
        "recipientName", "Ana <Pérez>", "taskName", "Revisar & firmar", "procedure", "Colabora",
        "entity", "", "deadline", "01/02/2030 08:00", "link", "http://x/#/?task=1",
        "assigned", "sí", "offered", ""));
    assertThat(message.subject()).isEqualTo("Nueva tarea: Revisar & firmar (Colabora)");
    assertThat(message.text()).startsWith("Estimado(a) Ana <Pérez>:").contains("Plazo: 01/02/2030 08:00")
        .doesNotContain("Entidad:").doesNotContain("Hay una tarea disponible").doesNotContain("{{");
    assertThat(message.html()).contains("Ana &lt;Pérez&gt;").contains("Revisar &amp; firmar")
        .doesNotContain("<b>Entidad</b>").doesNotContain("{{");
  }

  @Test
  void aPlaceholderWithoutValueIsAnError() {
    assertThatThrownBy(() -> new MailTemplates().render("tarea-nueva", Map.of("taskName", "x")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("marcador sin valor");
  }

  @Test
  void jobConfigurationsRoundTrip() {
    for (MailJob job : new MailJob[] {MailJob.task("t1"), MailJob.taskFor("t1", "muni.ti"),
        MailJob.digest("muni.ti", LocalDate.of(2030, 1, 2)), MailJob.request("b1")}) {
      assertThat(MailJob.parse(job.toCanonicalString())).isEqualTo(job);
    }
  }

  @Test
  void aRetryCycleMustBeReadable() {
    assertThat(new MailJobs("R3/PT5M").attempts()).isEqualTo(3);
    assertThat(new MailJobs("PT1M,PT10M").attempts()).isEqualTo(3);
    assertThatThrownBy(() -> new MailJobs("cada rato")).isInstanceOf(IllegalArgumentException.class);
  }
}
