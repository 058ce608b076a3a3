package pe.gob.pcm.platform.tramite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
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
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      PDType1Font plain = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        float y = 780;
        content.beginText();
        content.setFont(bold, 16);
        content.newLineAtOffset(60, y);
        content.showText("CARGO DE RECEPCIÓN - MESA DE PARTES VIRTUAL");
        content.endText();
        y -= 40;
        for (String[] row : rows) {
          content.beginText();
          content.setFont(bold, 11);
          content.newLineAtOffset(60, y);
          content.showText(printable(row[0]) + ":");
          content.setFont(plain, 11);
          content.newLineAtOffset(170, 0);
          content.showText(printable(row[1] == null ? "" : row[1]));
          content.endText();
          y -= 20;
        }
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The standard fonts know WinAnsi only: keep Spanish letters, drop what they cannot draw. */
  private static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      out.append(c < 256 && c != '\n' && c != '\r' && c != '\t' ? c : ' ');
    }
    String s = out.toString();
    return s.length() > 90 ? s.substring(0, 87) + "..." : s;
  }
}
