package pe.gob.pcm.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;

@SpringBootApplication
@ConfigurationPropertiesScan
// scheduled work: the orphan-upload sweep (document/OrphanDocuments), the daily digest
@org.springframework.scheduling.annotation.EnableScheduling
public class PlatformApplication {

  /**
   * With {@code -Dplatform.startup.jfr=true}, each startup step (bean instantiation,
   * configuration parsing...) becomes a JFR event, to see in a recording started with the JVM
   * where startup time goes (docs/performance.md).
   */
  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(PlatformApplication.class);
    if (Boolean.getBoolean("platform.startup.jfr")) {
      app.setApplicationStartup(new FlightRecorderApplicationStartup());
    }
    app.run(args);
  }
}
