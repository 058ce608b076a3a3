package pe.gob.pcm.platform.privacy;

/**
 * Where the mappers get the cipher: MyBatis creates type handlers itself, so the cipher the
 * application configured (from PLATFORM_DATA_KEYS) is installed here once at startup. Every
 * context in one JVM must use the same keys (tests start several; they share the test key).
 */
public final class PersonalData {

  private static volatile DataCipher cipher;

  private PersonalData() {}

  static void install(DataCipher configured) {
    cipher = configured;
  }

  public static DataCipher cipher() {
    DataCipher installed = cipher;
    if (installed == null) {
      throw new IllegalStateException("El cifrado de datos personales no está configurado.");
    }
    return installed;
  }

  public static String seal(String plain) {
    return plain == null ? null : cipher().seal(plain);
  }

  public static String open(String stored) {
    return stored == null ? null : cipher().open(stored);
  }
}
