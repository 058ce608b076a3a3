package pe.gob.pcm.platform.tramite.reception;

import java.time.format.DateTimeFormatter;
import pe.gob.pcm.platform.document.PdfReport;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** The cargo (acknowledgement of receipt) as a one-page PDF, before signing. */
final class CargoDocument {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private CargoDocument() {}

  static byte[] render(String entityName, String entityRuc, ReceptionStatus r) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"Entidad receptora", entityName + " (RUC " + entityRuc + ")"});
    rows.add(new String[] {"Entidad remitente (RUC)", r.senderRuc()});
    rows.add(new String[] {"CUO", r.cuo()});
    if (r.cuoReference() != null) {
      rows.add(new String[] {"CUO de referencia", r.cuoReference()});
    }
    rows.add(new String[] {"Estado", "R".equals(r.state()) ? "RECEPCIONADO" : "OBSERVADO"});
    if (r.registrationNumber() != null) {
      rows.add(new String[] {"Número de registro", r.registrationNumber() + "-" + r.registrationYear()});
    }
    rows.add(new String[] {"Fecha de registro", r.registeredAt() == null ? "" : WHEN.format(r.registeredAt())});
    if (r.registrationUnit() != null) {
      rows.add(new String[] {"Unidad de destino", r.registrationUnit()});
    }
    rows.add(new String[] {"Registrado por", r.registeredBy()});
    if (r.observation() != null) {
      rows.add(new String[] {"Observación", r.observation()});
    }
    PdfReport pdf = new PdfReport("CARGO DE RECEPCIÓN - MESA DE PARTES VIRTUAL");
    for (String[] row : rows) {
      pdf.row(row[0], row[1]);
    }
    return pdf.render();
  }
}
