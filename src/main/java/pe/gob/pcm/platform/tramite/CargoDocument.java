package pe.gob.pcm.platform.tramite;

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

  static byte[] render(String entityName, String entityRuc, ReceptionMapper.ReceptionStatus r) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"Entidad receptora", entityName + " (RUC " + entityRuc + ")"});
    rows.add(new String[] {"Entidad remitente (RUC)", r.vrucentrem()});
    rows.add(new String[] {"CUO", r.vcuo()});
    if (r.vcuoref() != null) {
      rows.add(new String[] {"CUO de referencia", r.vcuoref()});
    }
    rows.add(new String[] {"Estado", "R".equals(r.cflgest()) ? "RECEPCIONADO" : "OBSERVADO"});
    if (r.vnumregstd() != null) {
      rows.add(new String[] {"Número de registro", r.vnumregstd() + "-" + r.vanioregstd()});
    }
    rows.add(new String[] {"Fecha de registro", r.dfecregstd() == null ? "" : WHEN.format(r.dfecregstd())});
    if (r.vuniorgstd() != null) {
      rows.add(new String[] {"Unidad de destino", r.vuniorgstd()});
    }
    rows.add(new String[] {"Registrado por", r.vusuregstd()});
    if (r.vobs() != null) {
      rows.add(new String[] {"Observación", r.vobs()});
    }
    PdfReport pdf = new PdfReport("CARGO DE RECEPCIÓN - MESA DE PARTES VIRTUAL");
    for (String[] row : rows) {
      pdf.row(row[0], row[1]);
    }
    return pdf.render();
  }
}
