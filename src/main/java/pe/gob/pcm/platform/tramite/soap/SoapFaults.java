package pe.gob.pcm.platform.tramite.soap;

import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * What a caller of wsiotramite reads when its message is refused before the endpoint sees it
 * (not XML, not SOAP 1.1, not the contract's schema, over a parser limit): a SOAP fault whose
 * reason is in Spanish and names no Java class. Such refusals are the caller's problem, so they
 * are logged in one line, without the stack trace CXF would print for each of them.
 */
final class SoapFaults {

  private static final Logger LOG = LoggerFactory.getLogger(SoapFaults.class);
  private static final Pattern JAVA_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)?:?\\s*");
  private static final int MAX_DETAIL = 300;
  private static final String UNRECOGNISED = "Mensaje SOAP rechazado: ";
  static final String INTERNAL = "Error interno temporal del servicio (base de datos o motor de procesos):"
      + " el mensaje no se registró; reenvíelo.";

  private SoapFaults() {}

  /** The Spanish reason for a refused message, from CXF's (English) one. */
  static String spanish(String original) {
    String message = original == null ? "" : original;
    String lower = message.toLowerCase(Locale.ROOT);
    String detail = detail(message);
    if (lower.contains("soap 1.2")) {
      return "El servicio wsiotramite solo acepta SOAP 1.1 (Content-Type text/xml).";
    }
    if (lower.contains("dtd") || lower.contains("doctype") || lower.contains("entity reference")
        || lower.contains("entity expansion") || lower.contains("general entity") || lower.contains("parameter entity")
        || lower.contains("undeclared entity") || lower.contains("external entity") || lower.contains("entities")) {
      return "El mensaje no puede contener una declaración DOCTYPE ni entidades XML.";
    }
    if (lower.contains("maximum") || lower.contains("exceed") || lower.contains("limit")
        || lower.contains("demasiado grande")) {
      return "El mensaje supera los límites del servicio (profundidad, elementos, atributos o tamaño): " + detail;
    }
    if (lower.contains("unmarshalling") || lower.contains("cvc-") || lower.contains("unexpected element")) {
      return "El mensaje no cumple el esquema del contrato wsiotramite: " + detail;
    }
    if (lower.contains("wrapper element") || lower.contains("operation") || lower.contains("binding") || lower.contains("no such method")
        || lower.contains("body")) {
      return "Operación desconocida: el cuerpo SOAP debe contener recepcionarTramiteResponse,"
          + " consultarTramiteResponse o cargoResponse del espacio de nombres http://ws.wsiotramite.segdi.gob.pe/.";
    }
    if (lower.contains("parse") || lower.contains("eof") || lower.contains("unexpected") || lower.contains("xml")
        || lower.contains("character") || lower.contains("invalid")) {
      return "El mensaje no es un XML bien formado: " + detail;
    }
    return UNRECOGNISED + detail;
  }

  /** Whether the fault comes from our side (database, engine, transaction), not from the caller's message. */
  static boolean internal(Throwable fault) {
    for (Throwable t = fault; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SQLException || t instanceof DataAccessException || t instanceof TransactionException
          || t instanceof PersistenceException || t instanceof ProcessEngineException) {
        return true;
      }
    }
    return false;
  }

  private static String detail(String message) {
    String cleaned = JAVA_NAME.matcher(message.replaceAll("\\s+", " ")).replaceAll("").strip();
    if (cleaned.isEmpty()) {
      return "sin detalle.";
    }
    return cleaned.length() > MAX_DETAIL ? cleaned.substring(0, MAX_DETAIL) + "…" : cleaned;
  }

  /**
   * Rewrites the reason of every fault leaving the endpoint, and counts it in
   * plataforma.soap.rechazos: motivo "mensaje" for the caller's fault, "error" for ours.
   */
  static final class SpanishReason extends AbstractSoapInterceptor {

    private final pe.gob.pcm.platform.metrics.PlatformMeters meters;

    SpanishReason(pe.gob.pcm.platform.metrics.PlatformMeters meters) {
      super(Phase.PRE_STREAM);
      this.meters = meters;
    }

    @Override
    public void handleMessage(SoapMessage message) {
      if (message.getContent(Exception.class) instanceof Fault fault) {
        String reason = internal(fault) ? INTERNAL : spanish(fault.getMessage());
        fault.setMessage(reason);
        var operation = message.getExchange().getBindingOperationInfo();
        // a reason recognised above is a problem of the caller's message; anything else is ours
        boolean callers = !reason.startsWith(UNRECOGNISED) && !INTERNAL.equals(reason);
        meters.soapRefused(operation == null ? "desconocida" : operation.getName().getLocalPart()
            .replace("Response", ""), callers ? "mensaje" : "error");
      }
    }
  }

  /** A body naming no operation of the contract (empty or missing) is the caller's fault, not the server's. */
  static final class RequireOperation extends AbstractSoapInterceptor {

    RequireOperation() {
      super(Phase.PRE_INVOKE);
    }

    @Override
    public void handleMessage(SoapMessage message) {
      if (message.getExchange().getBindingOperationInfo() == null) {
        Fault fault = new Fault(new IllegalArgumentException("no operation in the SOAP body"));
        fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
        throw fault;
      }
    }
  }

  /** One log line per refused message instead of CXF's stack trace. */
  static final class QuietListener implements FaultListener {

    @Override
    public boolean faultOccurred(Exception exception, String description, Message message) {
      if (exception instanceof Fault fault && !Fault.FAULT_CODE_SERVER.equals(fault.getFaultCode())
          || exception.getCause() instanceof javax.xml.stream.XMLStreamException
          || exception.getCause() instanceof jakarta.xml.bind.JAXBException) {
        LOG.info("wsiotramite: mensaje rechazado: {}", spanish(exception.getMessage()));
        return false;
      }
      return true;
    }
  }
}
