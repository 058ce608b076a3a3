package pe.gob.pcm.platform.survey;

import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The satisfaction survey's engine hook (docs/encuesta.md). */
@Configuration
@EnableConfigurationProperties(SurveyProperties.class)
public class SurveyConfiguration {

  @Bean
  ProcessEnginePlugin surveyEnginePlugin(SurveyProperties properties) {
    return new SurveyEnginePlugin(properties);
  }
}
