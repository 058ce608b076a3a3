package pe.gob.pcm.platform.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class WebConfiguration {

  @Bean
  FilterRegistrationBean<PlatformAuthenticationFilter> platformAuthentication(ProcessEngine engine) {
    FilterRegistrationBean<PlatformAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new PlatformAuthenticationFilter(engine));
    registration.addUrlPatterns("/api/*", "/documentos/*");
    registration.setOrder(20);
    return registration;
  }
}
