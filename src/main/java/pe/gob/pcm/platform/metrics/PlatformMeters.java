package pe.gob.pcm.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The platform's own meters, exported at /actuator/prometheus (names with dots become
 * underscores there: {@code plataforma_soap_recepcion_seconds_count}). See docs/metricas.md.
 */
@Component
public class PlatformMeters {

  /** wsiotramite requests answered by the endpoint, by operation and answer code. */
  public static final String SOAP_INTAKE = "plataforma.soap.recepcion";
  /** wsiotramite requests refused (answer -1, or stopped at the gate: origin, size). */
  public static final String SOAP_REFUSALS = "plataforma.soap.rechazos";
  /** Calls this platform makes to the PIDE (and, as the local PIDE, to an entity's wsiotramite). */
  public static final String PIDE_CALLS = "plataforma.pide.llamadas";
  /** PIDE calls that got no answer: timeout, connection refused, SOAP fault. */
  public static final String PIDE_FAILURES = "plataforma.pide.fallos";

  private final MeterRegistry registry;

  public PlatformMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  public void soapIntake(String operation, String code, long nanos) {
    Timer.builder(SOAP_INTAKE)
        .description("Solicitudes SOAP recibidas en /wsiotramite, por operación y código de respuesta")
        .tag("operacion", operation).tag("codigo", code)
        .publishPercentileHistogram()
        .register(registry).record(Duration.ofNanos(nanos));
  }

  public void soapRefused(String operation, String reason) {
    Counter.builder(SOAP_REFUSALS)
        .description("Solicitudes SOAP rechazadas en /wsiotramite, por operación y motivo")
        .tag("operacion", operation).tag("motivo", reason)
        .register(registry).increment();
  }

  /** result: ok (answered 0000 or without code), otro-codigo (answered with another code), fallo. */
  public void pideCall(String service, String operation, String result, long nanos) {
    Timer.builder(PIDE_CALLS)
        .description("Llamadas a la PIDE, por servicio, operación y resultado")
        .tag("servicio", service).tag("operacion", operation).tag("resultado", result)
        .publishPercentileHistogram()
        .register(registry).record(Duration.ofNanos(nanos));
    if ("fallo".equals(result)) {
      Counter.builder(PIDE_FAILURES)
          .description("Llamadas a la PIDE sin respuesta (tiempo agotado, conexión, fallo SOAP)")
          .tag("servicio", service).tag("operacion", operation)
          .register(registry).increment();
    }
  }
}
