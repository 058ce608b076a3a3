package pe.gob.pcm.platform.metrics;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import pe.gob.pcm.platform.security.PlatformAuthenticationFilter;

@Configuration
public class MonitoringConfiguration {

  @Bean
  FilterRegistrationBean<MonitoringAccessFilter> monitoringAccess(ProcessEngine engine,
      MetricsAccess access, ProcessGauges gauges) {
    FilterRegistrationBean<MonitoringAccessFilter> registration = new FilterRegistrationBean<>(
        new MonitoringAccessFilter(new PlatformAuthenticationFilter(engine), access, gauges));
    registration.addUrlPatterns("/actuator/*");
    registration.setOrder(20);
    return registration;
  }
}
