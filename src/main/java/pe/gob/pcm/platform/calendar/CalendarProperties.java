package pe.gob.pcm.platform.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.calendar.*}: the time zone deadlines are counted in, and the extra
 * non-working days decreed by the government (e.g. 2026-12-24), as ISO dates.
 */
@ConfigurationProperties(prefix = "platform.calendar")
public record CalendarProperties(
    @DefaultValue(PeruTime.ZONE_ID) ZoneId zone,
    @DefaultValue List<LocalDate> extraNonWorkingDays) {}
