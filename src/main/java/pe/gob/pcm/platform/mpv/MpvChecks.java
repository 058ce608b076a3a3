package pe.gob.pcm.platform.mpv;

import static pe.gob.pcm.platform.validation.ProcessInputs.text;
import static pe.gob.pcm.platform.validation.ProcessInputs.actor;
import static pe.gob.pcm.platform.mpv.MpvProcess.*;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.calendar.CalendarProperties;
import pe.gob.pcm.platform.document.DocumentStore;
import pe.gob.pcm.platform.entity.HostedEntities;
import pe.gob.pcm.platform.validation.FieldChecks;
import pe.gob.pcm.platform.validation.Identifiers;

/**
 * Server-side checks of every MPV form ({@code ${mpvChecks}}: start event and task completion).
 * A refusal names the field and the reason in Spanish and rolls the whole step back.
 */
@Component("mpvChecks")
public class MpvChecks implements ExecutionListener, TaskListener {

  private static final int TEXT_MAX = 2000;
  private static final Set<String> SGD_TYPES = Set.of(SGD_OWN, SGD_PCM);
  private static final Consumer<DelegateTask> NO_CHECKS = task -> { };

  private final DocumentStore documents;
  private final pe.gob.pcm.platform.tramite.reception.ReceptionService receptions;
  private final HostedEntities entities;
  private final IdentityService identity;
  private final CalendarProperties calendar;
  private final int goLiveMinDays;
  private final LocalTime goLiveTime;
  /**
   * The rule run on completing each user task, found by the task's BPMN id. Any other task key
   * runs no checks, as the previous {@code switch} default did: every user task of the model that
   * is wired to this listener has an entry here.
   */
  private final Map<String, Consumer<DelegateTask>> taskChecks;

  public MpvChecks(DocumentStore documents, pe.gob.pcm.platform.tramite.reception.ReceptionService receptions,
      HostedEntities entities, IdentityService identity,
      CalendarProperties calendar,
      @Value("${platform.mpv.go-live-min-days:2}") int goLiveMinDays,
      @Value("${platform.mpv.go-live-time:08:00}") LocalTime goLiveTime) {
    this.documents = documents;
    this.receptions = receptions;
    this.entities = entities;
    this.identity = identity;
    this.calendar = calendar;
    this.goLiveMinDays = goLiveMinDays;
    this.goLiveTime = goLiveTime;
    this.taskChecks = Map.ofEntries(
        Map.entry("Task_ReviewReport", this::completeReview),
        Map.entry("Task_FixService", this::completeFix),
        Map.entry("Task_AdminTestEntity", this::completeAdminTestEntity),
        Map.entry("Task_AdminTestSgtd", this::completeAdminTestSgtd),
        Map.entry("Task_SignActaTi",
            task -> completeSignedActa(task, ACTA_TI_DOCUMENT, "Acta firmada por el jefe de TI")),
        Map.entry("Task_SignActaTramite", task -> completeSignedActa(task, ACTA_TRAMITE_DOCUMENT,
            "Acta firmada por el jefe de Trámite Documentario")),
        Map.entry("Task_RequestGoLive", this::completeGoLiveRequest),
        Map.entry("Task_ApproveGoLive", this::completeGoLiveApproval));
  }

  @Override
  public void notify(DelegateExecution execution) {
    validateRequest(execution);
  }

  @Override
  public void notify(DelegateTask task) {
    taskChecks.getOrDefault(task.getTaskDefinitionKey(), NO_CHECKS).accept(task);
  }

  /** Start: the declaration of the integration and the test request. */
  void validateRequest(DelegateExecution execution) {
    String ruc = text(execution, ENTITY_RUC);
    String category = text(execution, ENTITY_CATEGORY);
    FieldChecks checks = new FieldChecks()
        .check(ENTITY_RUC, "RUC de la entidad", ruc, Identifiers::rucProblem)
        .check(ENTITY_NAME, "Nombre de la entidad", Identifiers.textProblem(text(execution, ENTITY_NAME), 250))
        .check(ENTITY_CATEGORY, "Tipo de entidad", category != null && category.matches("[1-8]")
            ? null : "elija el tipo de entidad de la lista")
        .check(SGD_TYPE, "Sistema de gestión documental",
            SGD_TYPES.contains(text(execution, SGD_TYPE)) ? null : "elija SGD propio o SGD de la PCM")
        .check(DEV_URL, "URL del servicio de desarrollo", text(execution, DEV_URL), Identifiers::urlProblem);
    person(checks, execution, TECH_NAME, TECH_DNI, TECH_EMAIL, TECH_MOBILE, "responsable de la prueba técnica");
    person(checks, execution, ADMIN_NAME, ADMIN_DNI, ADMIN_EMAIL, ADMIN_MOBILE, "responsable de la prueba administrativa");
    if (Identifiers.rucProblem(ruc) == null) {
      checks.check(ENTITY_RUC, "RUC de la entidad", entities.ownershipProblem(ruc.strip(), execution.getTenantId()));
    }
    checks.throwIfAny();
    execution.setVariable(ENTITY_RUC, ruc.strip());
    execution.setVariable(ENTITY_CATEGORY, Integer.valueOf(category));
    execution.setVariable(DEV_URL, text(execution, DEV_URL).strip());
    execution.setVariable(OUTCOME, "EN_PRUEBAS");
    // kept sealed while the process runs (the acta opens them); never in the history
    pe.gob.pcm.platform.privacy.SealedVariables.seal(execution,
        TECH_DNI, TECH_EMAIL, TECH_MOBILE, ADMIN_DNI, ADMIN_EMAIL, ADMIN_MOBILE);
    execution.setProcessBusinessKey("MPV-" + ruc.strip() + "-"
        + LocalDateTime.now(calendar.zone()).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")));
  }

  private static void person(FieldChecks checks, VariableScope scope, String name, String dni, String email,
      String mobile, String who) {
    checks.check(name, "Nombre del " + who, Identifiers.textProblem(text(scope, name), 200))
        .check(dni, "DNI del " + who, text(scope, dni), Identifiers::dniProblem)
        .check(email, "Correo del " + who, text(scope, email), Identifiers::emailProblem)
        .check(mobile, "Celular del " + who, text(scope, mobile), Identifiers::mobileProblem);
  }

  /** The SGTD specialist's review of the test report. */
  void completeReview(DelegateTask task) {
    String decision = completeDecision(task, REVIEW_DECISION, REVIEW_OBSERVATION,
        Set.of(CONFORMING, NOT_CONFORMING, REJECT), "elija conforme, no conforme o rechazar",
        NOT_CONFORMING, REJECT);
    if (CONFORMING.equals(decision) && !Boolean.TRUE.equals(task.getVariable(PASSED))) {
      new FieldChecks().check(REVIEW_DECISION, "Decisión",
          "el informe tiene verificaciones no conformes: márquelo no conforme para que la entidad corrija")
          .throwIfAny();
    }
    String user = actor(task);
    task.setVariable(SGTD_USER, user);
    task.setVariable(SGTD_SPECIALIST, fullName(user));
  }

  void completeFix(DelegateTask task) {
    new FieldChecks()
        .check(DEV_URL, "URL del servicio de desarrollo", text(task, DEV_URL), Identifiers::urlProblem)
        .check(CORRECTION_NOTE, "Qué se corrigió", optionalText(text(task, CORRECTION_NOTE)))
        .throwIfAny();
    task.setVariable(DEV_URL, text(task, DEV_URL).strip());
  }

  void completeAdminTestEntity(DelegateTask task) {
    String sentCuo = text(task, ADMIN_TEST_SENT_CUO);
    new FieldChecks()
        .check(ADMIN_TEST_REGISTRATION, "Número de registro del documento de prueba",
            Identifiers.textProblem(text(task, ADMIN_TEST_REGISTRATION), 30))
        .check(ADMIN_TEST_CARGO_RETURNED, "Cargo devuelto",
            Boolean.TRUE.equals(task.getVariable(ADMIN_TEST_CARGO_RETURNED)) ? null
                : "confirme que devolvió el cargo del documento de prueba")
        .check(ADMIN_TEST_SENT_CUO, "CUO del documento que su SGD envió a la PCM",
            sentCuoProblem(text(task, ENTITY_RUC), sentCuo))
        .throwIfAny();
    task.setVariable(ADMIN_TEST_SENT_CUO, sentCuo.strip());
  }

  /** The entity's test document must have reached the PCM, and not yet been worked by its Mesa de Partes. */
  private String sentCuoProblem(String entityRuc, String cuo) {
    if (cuo == null || !cuo.strip().matches("\\d{10}")) {
      return "debe tener 10 dígitos (el CUO que la PIDE dio a su SGD)";
    }
    var reception = receptions.find(entityRuc, cuo.strip()).orElse(null);
    if (reception == null || !ConformanceSuite.TESTER_RUC.equals(reception.receiverRuc())) {
      return "la PCM no ha recibido de su entidad un documento con ese CUO: envíelo desde su SGD a la PCM (RUC "
          + ConformanceSuite.TESTER_RUC + ") y vuelva a intentar";
    }
    return "P".equals(reception.state()) ? null
        : "ese documento ya fue atendido por la Mesa de Partes de la PCM: envíe otro documento de prueba";
  }

  /** The SGTD confirms only when the entity's service accepted the cargo and refused it repeated. */
  void completeAdminTestSgtd(DelegateTask task) {
    String decision = completeDecision(task, ADMIN_TEST_DECISION, ADMIN_TEST_OBSERVATION,
        Set.of(CONFIRM, OBSERVE), "elija confirmar u observar", OBSERVE);
    if (CONFIRM.equals(decision) && !Boolean.TRUE.equals(task.getVariable(CARGO_PASSED))) {
      new FieldChecks().check(ADMIN_TEST_DECISION, "Decisión",
          "las pruebas de cargo no son conformes: observe la prueba para que la entidad corrija su servicio")
          .throwIfAny();
    }
  }

  /** A decision among {@code allowed}; the observation is required for the decisions listed. */
  private String completeDecision(DelegateTask task, String decisionVar, String observationVar, Set<String> allowed,
      String choose, String... needingObservation) {
    String decision = text(task, decisionVar);
    FieldChecks checks = new FieldChecks()
        .check(decisionVar, "Decisión", allowed.contains(decision) ? null : choose);
    if (Set.of(needingObservation).contains(decision)) {
      checks.check(observationVar, "Observación o motivo", Identifiers.textProblem(text(task, observationVar), TEXT_MAX));
    } else {
      checks.check(observationVar, "Observación o motivo", optionalText(text(task, observationVar)));
    }
    checks.throwIfAny();
    if (REJECT.equals(decision)) {
      task.setVariable(REJECTION_REASON, "La SGTD rechazó la solicitud: " + text(task, observationVar));
      task.setVariable(OUTCOME, "RECHAZADA");
    }
    return decision;
  }

  /** An uploaded signed copy must be a PDF of this entity that is the acta this process generated. */
  void completeSignedActa(DelegateTask task, String variable, String label) {
    String id = text(task, variable);
    String entityRuc = text(task, ENTITY_RUC);
    FieldChecks checks = new FieldChecks()
        .check(variable, label, documents.usableProblem(id, entityRuc, task.getProcessInstanceId()));
    if (!checks.hasErrors()) {
      String code = text(task, ACTA_CODE);
      if (id.strip().equals(text(task, ACTA_DOCUMENT))) {
        checks.check(variable, label, "es el acta sin firmar: suba la copia firmada digitalmente");
      } else if (!containsText(documents.content(id.strip()), code)) {
        checks.check(variable, label, "no es el acta de conformidad " + code + " generada por la plataforma");
      } else if (ACTA_TRAMITE_DOCUMENT.equals(variable) && !extendsTiCopy(task, id.strip())) {
        checks.check(variable, label, "no es la copia firmada por el jefe de TI con una firma más: descargue"
            + " el acta firmada por el jefe de TI, agregue su firma digital y suba esa copia");
      }
    }
    checks.throwIfAny();
    task.setVariable(variable, id.strip());
    documents.attach(id.strip(), task.getProcessInstanceId());
  }

  /**
   * The second signature is an incremental update of the copy the head of TI signed: that copy's
   * bytes, first signature included, are the start of this one, unchanged.
   */
  private boolean extendsTiCopy(DelegateTask task, String id) {
    String tiCopy = text(task, ACTA_TI_DOCUMENT);
    byte[] first = tiCopy == null ? null : documents.content(tiCopy.strip());
    byte[] second = documents.content(id);
    return first != null && second != null && second.length > first.length
        && java.util.Arrays.equals(first, 0, first.length, second, 0, first.length);
  }

  void completeGoLiveRequest(DelegateTask task) {
    String date = text(task, GO_LIVE_DATE);
    LocalDate today = LocalDate.now(calendar.zone());
    FieldChecks checks = new FieldChecks()
        .check(PRODUCTION_URL, "URL del servicio de producción", text(task, PRODUCTION_URL), Identifiers::urlProblem);
    LocalDate planned = null;
    if (date == null || date.isBlank()) {
      checks.check(GO_LIVE_DATE, "Fecha prevista de pase a producción", "es obligatoria");
    } else {
      try {
        planned = LocalDate.parse(date.strip().length() > 10 ? date.strip().substring(0, 10) : date.strip());
      } catch (DateTimeParseException e) {
        checks.check(GO_LIVE_DATE, "Fecha prevista de pase a producción", "no es una fecha (AAAA-MM-DD)");
      }
    }
    if (planned != null && planned.isBefore(today.plusDays(goLiveMinDays))) {
      checks.check(GO_LIVE_DATE, "Fecha prevista de pase a producción", "debe ser al menos " + goLiveMinDays
          + " días posterior a la solicitud: el " + today.plusDays(goLiveMinDays)
          .format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " o después");
    }
    checks.throwIfAny();
    task.setVariable(PRODUCTION_URL, text(task, PRODUCTION_URL).strip());
    task.setVariable(GO_LIVE_DATE, planned.toString());
    task.setVariable(GO_LIVE_AT, Date.from(planned.atTime(goLiveTime).atZone(calendar.zone()).toInstant()));
  }

  void completeGoLiveApproval(DelegateTask task) {
    completeDecision(task, GO_LIVE_DECISION, GO_LIVE_OBSERVATION, Set.of(APPROVE, OBSERVE, REJECT),
        "elija aprobar, observar o rechazar", OBSERVE, REJECT);
  }

  private static String optionalText(String value) {
    return value != null && value.length() > TEXT_MAX ? "no debe superar " + TEXT_MAX + " caracteres" : null;
  }

  static boolean containsText(byte[] pdf, String text) {
    if (pdf == null || text == null) {
      return false;
    }
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  private String fullName(String userId) {
    // The specialist may not read user profiles: the name is looked up as the platform.
    User user = Context.getCommandContext() == null
        ? identity.createUserQuery().userId(userId).singleResult()
        : Context.getCommandContext().runWithoutAuthorization(
            () -> identity.createUserQuery().userId(userId).singleResult());
    if (user == null) {
      return userId;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? userId : name;
  }
}
