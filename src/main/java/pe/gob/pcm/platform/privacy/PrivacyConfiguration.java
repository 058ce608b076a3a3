package pe.gob.pcm.platform.privacy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The data cipher from PLATFORM_DATA_KEYS / PLATFORM_DATA_KEY_CURRENT, and its migration. */
@Configuration(proxyBeanMethods = false)
public class PrivacyConfiguration {

  @Bean
  DataCipher dataCipher(@Value("${platform.privacy.keys:}") String keys,
      @Value("${platform.privacy.current-key:}") String currentKey) {
    DataCipher cipher = DataCipher.fromSpec(keys, currentKey);
    PersonalData.install(cipher);
    return cipher;
  }

  /** Tasklist forms show the sealed personal data of a task opened (after the engine's checks). */
  @Bean
  FilterRegistrationBean<PersonalDataDisplayFilter> personalDataDisplay() {
    FilterRegistrationBean<PersonalDataDisplayFilter> registration =
        new FilterRegistrationBean<>(new PersonalDataDisplayFilter());
    registration.setName("platform-personal-data-display");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(12);
    return registration;
  }

  @Bean
  V9_1__EncryptPersonalData encryptPersonalDataMigration(DataCipher cipher) {
    return new V9_1__EncryptPersonalData(cipher);
  }
}
