package pe.gob.pcm.platform.tramite.soap;

import pe.gob.pcm.platform.mgd.MgdDocument;
import pe.gob.pcm.platform.tramite.dispatch.CargoReceipt;
import pe.gob.pcm.platform.tramite.reception.ReceptionService;

import jakarta.jws.WebService;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.metrics.PlatformMeters;
import pe.gob.pcm.platform.pide.MgdWire;
import pe.gob.pcm.platform.privacy.CuoLoggingContext;
import pe.gob.segdi.wsiotramite.ws.CargoTramite;
import pe.gob.segdi.wsiotramite.ws.RecepcionTramite;
import pe.gob.segdi.wsiotramite.ws.RespuestaCargoTramite;
import pe.gob.segdi.wsiotramite.ws.RespuestaConsultaTramite;
import pe.gob.segdi.wsiotramite.ws.RespuestaTramite;
import pe.gob.segdi.wsiotramite.ws.Tramite;

/**
 * The entity-side {@code wsiotramite} component, as the State's contract defines it: what other
 * entities' SGDs call through the PIDE. Answers {@code 0000} (success), {@code 0001} (not found)
 * or {@code -1} (refused, with a Spanish message naming the field); never a stack trace.
 */
@Component
@WebService(serviceName = "Tramite", portName = "TramitePort",
    targetNamespace = "http://ws.wsiotramite.segdi.gob.pe/",
    endpointInterface = "pe.gob.segdi.wsiotramite.ws.Tramite",
    wsdlLocation = "classpath:wsdl/wsiotramite.wsdl")
public class WsIoTramiteEndpoint implements Tramite {

  private final ReceptionService receptions;
  private final CargoReceipt cargos;
  private final PlatformMeters meters;

  public WsIoTramiteEndpoint(ReceptionService receptions, CargoReceipt cargos, PlatformMeters meters) {
    this.receptions = receptions;
    this.cargos = cargos;
    this.meters = meters;
  }

  @Override
  public RespuestaTramite recepcionarTramiteResponse(RecepcionTramite request) {
    return measured("recepcionarTramite", () -> receive(request), RespuestaTramite::getVcodres);
  }

  @Override
  public RespuestaConsultaTramite consultarTramiteResponse(String cuo) {
    try (MDC.MDCCloseable logged = logged(cuo)) {
      return measured("consultarTramite", () -> status(cuo), RespuestaConsultaTramite::getVcodres);
    }
  }

  @Override
  public RespuestaCargoTramite cargoResponse(CargoTramite cargo) {
    try (MDC.MDCCloseable logged = logged(cargo == null ? null : cargo.getVcuo())) {
      return measured("cargo", () -> registerCargo(cargo), RespuestaCargoTramite::getVcodres);
    }
  }

  /** Times the operation and counts it by answer code; -1 answers also count as refusals. */
  private <T> T measured(String operation, Supplier<T> call, Function<T, String> code) {
    long start = System.nanoTime();
    String answered = "error";
    try {
      T answer = call.get();
      answered = answer == null || code.apply(answer) == null ? "sin-codigo" : code.apply(answer);
      return answer;
    } finally {
      meters.soapIntake(operation, answered, System.nanoTime() - start);
      if ("-1".equals(answered)) {
        meters.soapRefused(operation, "validacion");
      }
    }
  }

  private RespuestaTramite receive(RecepcionTramite request) {
    if (request == null) {
      return answer("-1", "recepcionRequest: es obligatorio.");
    }
    MgdDocument document = MgdWire.toDocument(request);
    try (MDC.MDCCloseable cuo = logged(document.cuo())) {
      ReceptionService.Outcome outcome = receptions.intake(document);
      return answer(outcome.accepted() ? "0000" : "-1", outcome.message());
    }
  }

  private RespuestaConsultaTramite status(String cuo) {
    return receptions.status(cuo).map(status -> WireMapping.toWire(status, receptions.cargo(status)))
        .orElseGet(() -> {
      RespuestaConsultaTramite answer = new RespuestaConsultaTramite();
      answer.setVcodres("0001");
      answer.setVdesres("DATOS NO ENCONTRADOS");
      return answer;
    });
  }

  /** The cargo of a document this platform sent: unknown CUO or a repeated cargo → -1. */
  private RespuestaCargoTramite registerCargo(CargoTramite cargo) {
    RespuestaCargoTramite answer = new RespuestaCargoTramite();
    String refusal = cargo == null ? CargoReceipt.UNKNOWN : cargos.register(MgdWire.toCargo(cargo));
    answer.setVcodres(refusal == null ? "0000" : "-1");
    answer.setVdesres(refusal == null ? "CARGO REGISTRADO" : refusal);
    return answer;
  }

  /** The CUO on every log line of this call (docs/datos-personales.md). */
  private static MDC.MDCCloseable logged(String cuo) {
    return MDC.putCloseable(CuoLoggingContext.MDC_KEY, cuo == null ? "" : cuo.strip());
  }

  private static RespuestaTramite answer(String code, String message) {
    RespuestaTramite answer = new RespuestaTramite();
    answer.setVcodres(code);
    answer.setVdesres(message);
    return answer;
  }
}
