package pe.gob.pcm.platform.tramite;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Raw SOAP 1.1 envelopes for wsiotramite, written by hand from the contract
 * (shared/domain/pide-mgd-interop.md, section 4), not produced by the platform's own classes.
 */
public final class Envelopes {

  private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);

  /** The fields of RecepcionTramite, in the contract's order (lstanexos goes after vnomdoc). */
  static final List<String> RECEPCION_FIELDS = List.of("vrucentrem", "vrucentrec", "vnomentemi",
      "vuniorgrem", "vcuo", "vcuoref", "ccodtipdoc", "vnumdoc", "dfecdoc", "vuniorgdst", "vnomdst",
      "vnomcardst", "vasu", "snumanx", "snumfol", "vurldocanx", "bpdfdoc", "vnomdoc", "lstanexos",
      "ctipdociderem", "vnumdociderem");

  private Envelopes() {}

  public static String newCuo() {
    return String.format("%010d", SEQUENCE.incrementAndGet() % 10_000_000_000L);
  }

  /** A valid document from the PCM to the demo municipality, with these fields replaced. */
  public static Map<String, String> validDocument(String cuo, byte[] pdf) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("vrucentrem", "20168999926");
    f.put("vrucentrec", "20601234565");
    f.put("vnomentemi", "PRESIDENCIA DEL CONSEJO DE MINISTROS");
    f.put("vuniorgrem", "SECRETARÍA DE GOBIERNO Y TRANSFORMACIÓN DIGITAL");
    f.put("vcuo", cuo);
    f.put("ccodtipdoc", "01");
    f.put("vnumdoc", "OFICIO N° 000123-2026-PCM/SGTD");
    f.put("dfecdoc", "2026-11-20T10:15:00-05:00");
    f.put("vuniorgdst", "GERENCIA MUNICIPAL");
    f.put("vnomdst", "JUAN PÉREZ");
    f.put("vnomcardst", "GERENTE MUNICIPAL");
    f.put("vasu", "Implementación del Modelo de Gestión Documental");
    f.put("snumanx", "0");
    f.put("snumfol", "3");
    f.put("bpdfdoc", Base64.getEncoder().encodeToString(pdf));
    f.put("vnomdoc", "oficio-123.pdf");
    f.put("ctipdociderem", "1");
    f.put("vnumdociderem", "45678912");
    return f;
  }

  public static String recepcionar(Map<String, String> fields, List<String> annexNames) {
    StringBuilder body = new StringBuilder();
    for (String name : RECEPCION_FIELDS) {
      if (name.equals("lstanexos")) {
        int i = 1;
        for (String annex : annexNames) {
          body.append("<lstanexos><siddocanx>").append(i++).append("</siddocanx><siddocext>1</siddocext><vnomdoc>")
              .append(xml(annex)).append("</vnomdoc></lstanexos>");
        }
      } else if (fields.get(name) != null) {
        body.append('<').append(name).append('>').append(xml(fields.get(name))).append("</").append(name).append('>');
      }
    }
    return envelope("<ws:recepcionarTramiteResponse><recepcionRequest>" + body
        + "</recepcionRequest></ws:recepcionarTramiteResponse>");
  }

  public static String consultar(String cuo) {
    return envelope("<ws:consultarTramiteResponse><request>" + xml(cuo) + "</request></ws:consultarTramiteResponse>");
  }

  static String cargo(String cuo) {
    return envelope("<ws:cargoResponse><cargoRequest><vcuo>" + cuo + "</vcuo><vnumregstd>000001</vnumregstd>"
        + "<vanioregstd>2026</vanioregstd><cflgest>R</cflgest></cargoRequest></ws:cargoResponse>");
  }

  public static String envelope(String body) {
    return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
        + " xmlns:ws=\"http://ws.wsiotramite.segdi.gob.pe/\"><soapenv:Header/><soapenv:Body>"
        + body + "</soapenv:Body></soapenv:Envelope>";
  }

  static List<String> annexes(int n) {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      names.add("anexo-" + i + ".pdf");
    }
    return names;
  }

  private static String xml(String value) {
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
