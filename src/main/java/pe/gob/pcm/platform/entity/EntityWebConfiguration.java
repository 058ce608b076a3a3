package pe.gob.pcm.platform.entity;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
public class EntityWebConfiguration {

  /** Before Camunda's webapp filters and the platform's own authentication read the session. */
  @Bean
  FilterRegistrationBean<SuspendedEntitySessions> suspendedEntitySessions(HostedEntities entities,
      IdentityService identity) {
    FilterRegistrationBean<SuspendedEntitySessions> registration =
        new FilterRegistrationBean<>(new SuspendedEntitySessions(entities, identity));
    registration.setName("platform-suspended-entity-sessions");
    registration.addUrlPatterns("/camunda/*", "/api/*", "/documentos/*", "/entidad/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }
}
