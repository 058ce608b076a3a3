package pe.gob.pcm.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import pe.gob.pcm.platform.support.TestProfiles;

/** A database with plain personal data (V1..V8) upgraded to V9: every value sealed, none lost. */
class PersonalDataMigrationTest {

  static final String SCHEMA = TestProfiles.onPostgres() ? "privacidad_v9" : "PRIVACIDAD_V9";

  /** H2 in memory, or a schema of its own in the test PostgreSQL database (-Dplatform.test.db=postgres). */
  static DriverManagerDataSource database() {
    if (TestProfiles.onPostgres()) {
      String url = System.getenv().getOrDefault("PLATFORM_DB_URL", "jdbc:postgresql://127.0.0.1:5432/plataforma");
      return new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=privacidad_v9",
          System.getenv().getOrDefault("PLATFORM_DB_USER", "postgres"),
          System.getenv().getOrDefault("PLATFORM_DB_PASSWORD", ""));
    }
    return new DriverManagerDataSource("jdbc:h2:mem:v9-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;SCHEMA_SEARCH_PATH="
        + SCHEMA + ",PUBLIC", "sa", "");
  }

  @Test
  void v9SealsThePlainValuesStoredBeforeIt() {
    DriverManagerDataSource db = database();
    Flyway.configure().dataSource(db).schemas(SCHEMA).cleanDisabled(false).load().clean();
    Flyway.configure().dataSource(db).schemas(SCHEMA).locations("classpath:db/migration").target("8").load()
        .migrate();
    JdbcTemplate jdbc = new JdbcTemplate(db);
    jdbc.update("INSERT INTO colabora_master_user (entity_ruc, entity_name, officer_name, officer_dni,"
        + " officer_position, officer_email, officer_mobile, requested_by, approved_by, approved_at,"
        + " process_instance_id) VALUES ('20601234565', 'Municipalidad', 'Rosa Quispe', '45678912', 'Jefa',"
        + " 'rquispe@muniejemplo.gob.pe', '987654321', 'muni.ti', 'sgtd.mesaayuda', CURRENT_TIMESTAMP, 'pi-1')");
    DataCipher cipher = DataCipher.fromSpec(DataKeyCheck.DEMO_KEY, "demo");

    Flyway.configure().dataSource(db).schemas(SCHEMA).locations("classpath:db/migration")
        .javaMigrations(new V9_1__EncryptPersonalData(cipher)).load().migrate();

    Map<String, Object> row = jdbc.queryForMap(
        "SELECT officer_dni, officer_email, officer_mobile FROM colabora_master_user WHERE process_instance_id = 'pi-1'");
    assertThat(row.values()).allSatisfy(v -> assertThat((String) v).startsWith("v1:demo:"));
    assertThat(row.values().stream().map(v -> cipher.open((String) v)).toList())
        .isEqualTo(List.of("45678912", "rquispe@muniejemplo.gob.pe", "987654321"));
    assertThat(jdbc.queryForList("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\"", String.class))
        .contains("9", "9.1");
  }
}
