package pe.gob.pcm.platform.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class WebConfiguration {

  @Bean
  FilterRegistrationBean<PlatformAuthenticationFilter> platformAuthentication(ProcessEngine engine,
      @Value("${camunda.bpm.webapp.auth.cache.ttl-enabled:true}") boolean cacheTtlEnabled,
      @Value("${camunda.bpm.webapp.auth.cache.time-to-live:300000}") long cacheTimeToLive) {
    FilterRegistrationBean<PlatformAuthenticationFilter> registration = new FilterRegistrationBean<>(
        new PlatformAuthenticationFilter(engine, cacheTtlEnabled ? cacheTimeToLive : 0));
    registration.addUrlPatterns("/api/*", "/documentos/*");
    registration.setOrder(20);
    return registration;
  }
}
