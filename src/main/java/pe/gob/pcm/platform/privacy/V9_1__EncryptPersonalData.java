package pe.gob.pcm.platform.privacy;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Seals the personal data stored in plain text before this version (V9 widened the columns).
 * A Spring bean, so Flyway receives it with the configured keys (Spring Boot hands every
 * JavaMigration bean to Flyway); it runs once, in Flyway's transaction, before the engine starts.
 */
public class V9_1__EncryptPersonalData extends BaseJavaMigration {

  private final DataCipher cipher;

  public V9_1__EncryptPersonalData(DataCipher cipher) {
    this.cipher = cipher;
  }

  @Override
  public void migrate(Context context) throws Exception {
    PersonalDataColumns.reencrypt(context.getConnection(), cipher);
  }
}
