package pe.gob.pcm.platform.calendar;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(CalendarProperties.class)
public class CalendarConfiguration {

  /** Named for the models' expressions, e.g. {@code ${businessCalendar.deadlineAfterWorkingDays(10)}}. */
  @Bean
  BusinessCalendar businessCalendar(CalendarProperties properties) {
    return new BusinessCalendar(properties.zone(), properties.extraNonWorkingDays());
  }
}
