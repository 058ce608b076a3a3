package pe.gob.pcm.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.gob.pcm.platform.colabora.ColaboraProcess.*;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import pe.gob.pcm.platform.colabora.ColaboraFixture;
import pe.gob.pcm.platform.colabora.ColaboraMapper;
import pe.gob.pcm.platform.support.Http;
import pe.gob.pcm.platform.support.PlatformTest;
import pe.gob.pcm.platform.tramite.dispatch.DispatchMapper;

/**
 * Personal data stored by real flows (a Colabora master user, a document sent to the other
 * entity through the local PIDE) is found encrypted in the raw tables, opens back to the value
 * entered, and an administrator can bring every row to a new key.
 */
@PlatformTest
class PersonalDataEncryptionIT {

  // new values on every run: on PostgreSQL the database outlives the run
  static final String DNI = digits("4", 8);
  static final String EMAIL = "privacidad." + digits("", 6) + "@muniejemplo.gob.pe";
  static final String MOBILE = digits("9", 9);
  static final String SIGNER_DNI = digits("4", 8);

  static String digits(String prefix, int length) {
    StringBuilder out = new StringBuilder(prefix);
    java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
    while (out.length() < length) {
      out.append(random.nextInt(10));
    }
    return out.toString();
  }

  @LocalServerPort int port;
  @Autowired ColaboraFixture colabora;
  @Autowired ColaboraMapper colaboraRecords;
  @Autowired DispatchMapper dispatches;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired DataCipher cipher;
  @Autowired PrivacyFlows flows;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.TaskService tasks;

  @Test
  void theColaboraMasterUserIsStoredEncryptedAndReadBackPlain() throws Exception {
    Map<String, Object> request = colabora.request("JEFE_TI", colabora.signedA3());
    request.put(OFFICER_DNI, DNI);
    request.put(OFFICER_EMAIL, EMAIL);
    request.put(OFFICER_MOBILE, MOBILE);
    ProcessInstance pi = colabora.start(request);

    // while the request waits for the help desk: sealed in the running instance...
    assertThat(engineTablesContaining("ACT_RU_VARIABLE", DNI, EMAIL, MOBILE)).isZero();
    assertThat((String) runtime.getVariable(pi.getId(), OFFICER_DNI)).startsWith("v1:test:");
    // ...and shown as entered in the reviewer's form (Tasklist reads the task's form variables)
    String review = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
    Http http = new Http(port);
    for (String path : List.of("/engine-rest/task/" + review + "/form-variables",
        "/engine-rest/task/" + review + "/variables")) {
      Http.Response shown = http.get(path, Http.basic("sgtd.mesaayuda", "demo"));
      assertThat(shown.status()).as(path).isEqualTo(200);
      assertThat(shown.json().get(OFFICER_DNI).get("value").asText()).isEqualTo(DNI);
      assertThat(shown.json().get(OFFICER_EMAIL).get("value").asText()).isEqualTo(EMAIL);
      assertThat(shown.json().get(OFFICER_MOBILE).get("value").asText()).isEqualTo(MOBILE);
    }
    // not to a user of another entity, who cannot read the task at all
    Http.Response other = http.get("/engine-rest/task/" + review + "/form-variables", Http.basic("pcm.ti", "demo"));
    assertThat(other.status()).isIn(403, 404);
    assertThat(other.body()).doesNotContain(DNI, EMAIL, MOBILE);

    colabora.review(pi, APPROVE, null);

    Map<String, Object> raw = jdbc.queryForMap("SELECT officer_dni, officer_email, officer_mobile"
        + " FROM colabora_master_user WHERE process_instance_id = ?", pi.getId());
    assertThat(raw.values()).allSatisfy(v -> assertThat((String) v).startsWith("v1:test:"));
    assertThat(raw.toString()).doesNotContain(DNI, EMAIL, MOBILE, "muniejemplo");
    assertThat(cipher.open((String) raw.get("officer_dni"))).isEqualTo(DNI);

    ColaboraMapper.MasterUser master = colaboraRecords.findMasterUser(pi.getId());
    assertThat(master.officerDni()).isEqualTo(DNI);
    assertThat(master.officerEmail()).isEqualTo(EMAIL);
    assertThat(master.officerMobile()).isEqualTo(MOBILE);

    assertThat(platformTablesContaining(DNI, EMAIL, MOBILE)).isEmpty();
    // the form fields: never in the history, and gone from the running instance once persisted
    assertThat(engineTablesContaining("ACT_HI_VARINST", DNI, EMAIL, MOBILE)).isZero();
    assertThat(engineTablesContaining("ACT_HI_DETAIL", DNI, EMAIL, MOBILE)).isZero();
    assertThat(engineTablesContaining("ACT_RU_VARIABLE", DNI, EMAIL, MOBILE)).isZero();
    // while the history keeps the rest of the request
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE PROC_INST_ID_ = ? AND NAME_ = ?",
        Integer.class, pi.getId(), OFFICER_NAME)).isEqualTo(1);
  }

  @Test
  void theSignersDniOfADocumentSentThroughThePideIsEncryptedOnBothSides() throws Exception {
    ProcessInstance dispatch = flows.send(SIGNER_DNI);
    // stored (encrypted) in the dispatch record, so not kept as a process variable
    assertThat(runtime.getVariables(dispatch.getId())).doesNotContainKey("signerDni").isNotEmpty();
    assertThat(engineTablesContaining("ACT_RU_VARIABLE", SIGNER_DNI)).isZero();
    flows.drain(dispatch.getId());

    Map<String, Object> outgoing = jdbc.queryForMap("SELECT id, vcuo, vnumdociderem FROM iotdtc_despacho"
        + " WHERE process_instance_id = ?", dispatch.getId());
    String cuo = (String) outgoing.get("vcuo");
    assertThat(cuo).as("la PIDE asignó un CUO y el documento llegó").isNotNull();
    String received = jdbc.queryForObject("SELECT d.vnumdociderem FROM iotdtm_doc_externo d"
        + " JOIN iotdtc_recepcion r ON r.id = d.recepcion_id WHERE r.vcuo = ?", String.class, cuo);

    assertThat((String) outgoing.get("vnumdociderem")).startsWith("v1:test:").doesNotContain(SIGNER_DNI);
    assertThat(received).startsWith("v1:test:").doesNotContain(SIGNER_DNI);
    // the sender sealed its copy, sent the plain DNI over the wire, the receiver sealed its own
    assertThat(received).isNotEqualTo(outgoing.get("vnumdociderem"));
    assertThat(cipher.open(received)).isEqualTo(SIGNER_DNI);
    assertThat(dispatches.find(((Number) outgoing.get("id")).longValue()).signerIdNumber()).isEqualTo(SIGNER_DNI);
    assertThat(dispatches.findByCuo(cuo).signerIdNumber()).isEqualTo(SIGNER_DNI);

    assertThat(platformTablesContaining(SIGNER_DNI)).isEmpty();
    assertThat(engineTablesContaining("ACT_HI_VARINST", SIGNER_DNI)).isZero();
    assertThat(engineTablesContaining("ACT_HI_DETAIL", SIGNER_DNI)).isZero();
  }

  @Test
  void rotationReencryptsEveryRowWithTheNewKeyAndSealsLegacyPlainRows() throws Exception {
    String legacyDni = digits("4", 8);
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        insertLegacyMasterUser(connection, legacyDni);
        DataCipher rotated = DataCipher.fromSpec("test:" + java.util.Base64.getEncoder().encodeToString(
            "test-clave-publica-solo-pruebas!".getBytes()) + ",k2:" + java.util.Base64.getEncoder()
            .encodeToString("nueva-clave-de-rotacion-32-bytes".getBytes()), "k2");

        Map<String, Integer> changed = PersonalDataColumns.reencrypt(connection, rotated);

        assertThat(changed.get("colabora_master_user")).isPositive();
        List<String> stored = new ArrayList<>();
        for (PersonalDataColumns.Table table : PersonalDataColumns.TABLES) {
          for (String column : table.columns()) {
            try (var rs = connection.createStatement().executeQuery(
                "SELECT " + column + " FROM " + table.name() + " WHERE " + column + " IS NOT NULL")) {
              while (rs.next()) {
                stored.add(rs.getString(1));
              }
            }
          }
        }
        assertThat(stored).isNotEmpty().allSatisfy(v -> assertThat(v).startsWith("v1:k2:"));
        assertThat(stored).map(rotated::open).contains(legacyDni);
        // nothing left to do the second time
        assertThat(PersonalDataColumns.reencrypt(connection, rotated).values()).containsOnly(0);
      } finally {
        connection.rollback();
      }
    }
  }

  @Test
  void onlyAnAdministratorReencryptsAndALegacyPlainRowGetsSealed() throws Exception {
    String legacyDni = digits("4", 8);
    try (Connection connection = dataSource.getConnection()) {
      insertLegacyMasterUser(connection, legacyDni);
    }
    Http http = new Http(port);

    Http.Response refused = http.postJson("/api/admin/datos-personales/recifrar", Http.basic("muni.ti", "demo"), Map.of());
    assertThat(refused.status()).isEqualTo(403);
    assertThat(platformTablesContaining(legacyDni)).containsExactly("colabora_master_user.officer_dni");

    Http.Response done = http.postJson("/api/admin/datos-personales/recifrar", Http.basic("demo", "demo"), Map.of());
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.json().get("claveActual").asText()).isEqualTo("test");
    assertThat(done.json().get("valoresCifradosDeNuevo").get("colabora_master_user").asInt()).isEqualTo(3);
    assertThat(platformTablesContaining(legacyDni)).isEmpty();
    assertThat(colaboraRecords.findMasterUser(legacyProcessId(legacyDni)).officerDni()).isEqualTo(legacyDni);
  }

  @Test
  void rotationReachesThePersonalDataOfRunningInstances() throws Exception {
    Map<String, Object> request = colabora.request("JEFE_TI", colabora.signedA3());
    String dni = digits("4", 8);
    request.put(OFFICER_DNI, dni);
    ProcessInstance pi = colabora.start(request);
    String base = java.util.Base64.getEncoder().encodeToString("test-clave-publica-solo-pruebas!".getBytes());
    String k2 = java.util.Base64.getEncoder().encodeToString("nueva-clave-de-rotacion-32-bytes".getBytes());
    DataCipher toK2 = DataCipher.fromSpec("test:" + base + ",k2:" + k2, "k2");
    DataCipher back = DataCipher.fromSpec("test:" + base + ",k2:" + k2, "test");
    try {
      assertThat(SealedVariables.reencrypt(runtime, toK2)).isPositive();
      String rotated = (String) runtime.getVariable(pi.getId(), OFFICER_DNI);
      assertThat(rotated).startsWith("v1:k2:");
      assertThat(toK2.open(rotated)).isEqualTo(dni);
      assertThat(SealedVariables.reencrypt(runtime, toK2)).isZero();
    } finally {
      // the rest of the suite runs with the "test" key only
      SealedVariables.reencrypt(runtime, back);
    }
    assertThat(cipher.open((String) runtime.getVariable(pi.getId(), OFFICER_DNI))).isEqualTo(dni);

    // an instance started before sealing (a plain variable) is sealed by the administrator's call
    String legacy = digits("4", 8);
    runtime.setVariable(pi.getId(), OFFICER_DNI, legacy);
    Http.Response done = new Http(port).postJson("/api/admin/datos-personales/recifrar",
        Http.basic("demo", "demo"), Map.of());
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.json().get("valoresCifradosDeNuevo").get("variables_de_procesos_en_curso").asInt()).isPositive();
    assertThat(engineTablesContaining("ACT_RU_VARIABLE", legacy)).isZero();
    assertThat(cipher.open((String) runtime.getVariable(pi.getId(), OFFICER_DNI))).isEqualTo(legacy);
    runtime.deleteProcessInstance(pi.getId(), "prueba de rotación");
  }

  // ---- helpers

  private static String legacyProcessId(String dni) {
    return "legado-" + new StringBuilder(dni).reverse();
  }

  /** A row as V1..V8 stored it: plain DNI, e-mail and mobile. */
  private static void insertLegacyMasterUser(Connection connection, String dni) throws Exception {
    try (var insert = connection.prepareStatement("INSERT INTO colabora_master_user (entity_ruc, entity_name,"
        + " officer_name, officer_dni, officer_position, officer_email, officer_mobile, requested_by, approved_by,"
        + " approved_at, process_instance_id) VALUES ('20601234565', 'Municipalidad', 'Persona Legado', ?,"
        + " 'Jefe', 'legado@muniejemplo.gob.pe', '912345678', 'muni.ti', 'sgtd.mesaayuda', CURRENT_TIMESTAMP, ?)")) {
      insert.setString(1, dni);
      insert.setString(2, legacyProcessId(dni));
      insert.executeUpdate();
    }
  }

  /** Rows of a Camunda variable table whose text holds one of the values. */
  private int engineTablesContaining(String table, String... values) {
    int rows = 0;
    for (String value : values) {
      rows += jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE TEXT_ LIKE ? OR TEXT2_ LIKE ?",
          Integer.class, "%" + value + "%", "%" + value + "%");
    }
    return rows;
  }

  /** Every character column of the platform's own tables (not Camunda's) holding one of the values. */
  private List<String> platformTablesContaining(String... values) throws Exception {
    List<String> found = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      List<String[]> columns = new ArrayList<>();
      try (var rs = connection.getMetaData().getColumns(null, null, "%", "%")) {
        while (rs.next()) {
          String schema = rs.getString("TABLE_SCHEM");
          String table = rs.getString("TABLE_NAME");
          int type = rs.getInt("DATA_TYPE");
          boolean text = type == java.sql.Types.VARCHAR || type == java.sql.Types.CHAR
              || type == java.sql.Types.LONGVARCHAR || type == java.sql.Types.CLOB;
          if (text && schema != null && (schema.equalsIgnoreCase("public"))
              && !table.toLowerCase().startsWith("act_") && !table.toLowerCase().startsWith("flyway")) {
            columns.add(new String[] {table, rs.getString("COLUMN_NAME")});
          }
        }
      }
      assertThat(columns).extracting(c -> c[0].toLowerCase()).contains("colabora_master_user", "iotdtc_despacho");
      for (String[] c : columns) {
        for (String value : values) {
          try (var query = connection.prepareStatement(
              "SELECT COUNT(*) FROM " + c[0] + " WHERE " + c[1] + " LIKE ?")) {
            query.setString(1, "%" + value + "%");
            try (var rs = query.executeQuery()) {
              rs.next();
              if (rs.getInt(1) > 0) {
                found.add(c[0].toLowerCase() + "." + c[1].toLowerCase());
              }
            }
          }
        }
      }
    }
    return found;
  }
}
