package pe.gob.pcm.platform.mgd;

import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import pe.gob.pcm.platform.validation.FieldChecks;
import pe.gob.pcm.platform.validation.Identifiers;

/**
 * The MGD metadata rules (the PIDE's own checks, which the receiver applies again), field by
 * field, with the wire name in each message so that a remote SGD's developer finds the field.
 */
final class MgdValidation {

  private static final Pattern CUO = Pattern.compile("\\d{10}");

  private MgdValidation() {}

  /** Every problem of the document, field by field. */
  static FieldChecks check(MgdDocument d, Map<String, String> documentTypes, long maxPdfBytes,
      ContractDates dates) {
    FieldChecks c = new FieldChecks();
    c.check("vrucentrem", "vrucentrem (RUC de la entidad remitente)", Identifiers.rucProblem(d.senderRuc()));
    c.check("vrucentrec", "vrucentrec (RUC de la entidad receptora)", Identifiers.rucProblem(d.receiverRuc()));
    c.check("vnomentemi", "vnomentemi (entidad emisora)", Identifiers.textProblem(d.senderName(), 250));
    c.check("vuniorgrem", "vuniorgrem (unidad remitente)", Identifiers.textProblem(d.senderUnit(), 250));
    c.check("vcuo", "vcuo (CUO)", d.cuo() == null || d.cuo().isEmpty() ? "es obligatorio"
        : CUO.matcher(d.cuo()).matches() ? null : "CUO no válido: debe tener 10 dígitos");
    if (d.cuoReference() != null) {
      c.check("vcuoref", "vcuoref (CUO de referencia)",
          CUO.matcher(d.cuoReference()).matches() ? null : "CUO no válido: debe tener 10 dígitos");
    }
    c.check("ccodtipdoc", "ccodtipdoc (tipo de documento)", d.documentType() == null ? "es obligatorio"
        : documentTypes.containsKey(d.documentType()) ? null
        : "no es un tipo conocido (" + String.join(", ", documentTypes.keySet()) + ")");
    c.check("vnumdoc", "vnumdoc (número de documento)", Identifiers.textProblem(d.documentNumber(), 100));
    c.check("dfecdoc", "dfecdoc (fecha del documento)", d.documentDate() == null ? "es obligatoria"
        : dates.futureProblem(d.documentDate()));
    optional(c, "vuniorgdst", "vuniorgdst (unidad de destino)", d.destinationUnit(), 150);
    optional(c, "vnomdst", "vnomdst (destinatario)", d.addresseeName(), 100);
    optional(c, "vnomcardst", "vnomcardst (cargo del destinatario)", d.addresseePosition(), 100);
    c.check("vasu", "vasu (asunto)", Identifiers.textProblem(d.subject(), 500));
    c.check("snumfol", "snumfol (folios)", d.folios() < 1 ? "debe ser al menos 1" : null);
    c.check("snumanx", "snumanx (número de anexos)", d.annexCount() < 0 ? "no puede ser negativo"
        : d.annexCount() != d.annexNames().size()
            ? "indica " + d.annexCount() + " anexos pero lstanexos trae " + d.annexNames().size()
            : null);
    if (d.annexCount() > 0) {
      c.check("vurldocanx", "vurldocanx (URL de anexos)", urlProblem(d.annexUrl()));
      for (int i = 0; i < d.annexNames().size(); i++) {
        c.check("lstanexos", "lstanexos[" + (i + 1) + "].vnomdoc (nombre del anexo)",
            Identifiers.textProblem(d.annexNames().get(i), 100));
      }
    } else {
      optional(c, "vurldocanx", "vurldocanx (URL de anexos)", d.annexUrl(), 200);
    }
    c.check("bpdfdoc", "bpdfdoc (PDF del documento)", pdfProblem(d.pdf(), maxPdfBytes));
    c.check("vnomdoc", "vnomdoc (nombre del PDF)", Identifiers.textProblem(d.pdfName(), 200));
    c.check("ctipdociderem", "ctipdociderem (tipo de documento de identidad)",
        "1".equals(d.senderIdType()) || "2".equals(d.senderIdType()) ? null
            : "debe ser 1 (DNI) o 2 (carné de extranjería)");
    if ("1".equals(d.senderIdType())) {
      c.check("vnumdociderem", "vnumdociderem (DNI del remitente)", Identifiers.dniProblem(d.senderIdNumber()));
    } else if ("2".equals(d.senderIdType())) {
      c.check("vnumdociderem", "vnumdociderem (carné de extranjería del remitente)",
          d.senderIdNumber() != null && d.senderIdNumber().matches("[0-9A-Za-z]{9}")
              ? null : "debe tener 9 caracteres");
    }
    return c;
  }

  private static void optional(FieldChecks c, String field, String label, String value, int max) {
    if (value != null && value.length() > max) {
      c.check(field, label, "no debe superar " + max + " caracteres");
    }
  }

  private static String urlProblem(String url) {
    if (url == null || url.isBlank()) {
      return "es obligatoria cuando hay anexos";
    }
    if (url.length() > 200) {
      return "no debe superar 200 caracteres";
    }
    try {
      URI uri = URI.create(url);
      return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null ? null : "debe ser una URL http(s)";
    } catch (IllegalArgumentException e) {
      return "debe ser una URL http(s)";
    }
  }

  private static String pdfProblem(byte[] pdf, long maxBytes) {
    if (pdf == null || pdf.length == 0) {
      return "es obligatorio";
    }
    if (pdf.length > maxBytes) {
      return "supera el tamaño máximo de " + (maxBytes / (1024 * 1024)) + " MB";
    }
    if (pdf.length < 5 || pdf[0] != '%' || pdf[1] != 'P' || pdf[2] != 'D' || pdf[3] != 'F') {
      return "no es un PDF";
    }
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getNumberOfPages() > 0 ? null : "el PDF no tiene páginas";
    } catch (Exception e) {
      return "no es un PDF legible";
    }
  }
}
