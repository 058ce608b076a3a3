package pe.gob.pcm.platform.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API is open by default in Camunda: here every call (except the engine list, open by
 * Camunda's design) needs HTTP Basic credentials of a platform user, and runs with that user's
 * groups and tenants, so authorization and tenant checks apply. The Modeler deploys through it.
 */
@Configuration
public class RestSecurityConfiguration {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-rest-basic-auth");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.setOrder(10);
    return registration;
  }

  /** Request bodies of the REST APIs: 30 MB (above the 25 MB of a multipart upload). */
  static final long MAX_REQUEST_BYTES = 30L * 1024 * 1024;

  @Bean
  FilterRegistrationBean<RequestSizeLimit> restRequestSizeLimit() {
    FilterRegistrationBean<RequestSizeLimit> registration =
        new FilterRegistrationBean<>(new RequestSizeLimit(MAX_REQUEST_BYTES));
    registration.setName("platform-request-size-limit");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*", "/api/*", "/cuentas/api/*");
    registration.setOrder(5);
    return registration;
  }

  /**
   * Inside the authentication above (and for the webapps' engine API): engine-wide figures for
   * administrators only, and another entity's instance or task answered 404 instead of 500.
   */
  @Bean
  FilterRegistrationBean<EngineApiBoundaries> engineApiBoundaries(ProcessEngine engine) {
    FilterRegistrationBean<EngineApiBoundaries> registration =
        new FilterRegistrationBean<>(new EngineApiBoundaries(engine));
    registration.setName("platform-engine-api-boundaries");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(11);
    return registration;
  }
}
