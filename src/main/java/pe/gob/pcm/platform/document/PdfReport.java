package pe.gob.pcm.platform.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A plain A4 document the platform writes (reports, actas): a title, then headings, label–value
 * rows and paragraphs, wrapped to the page width and continued on new pages. The standard fonts
 * draw WinAnsi only: Spanish letters stay, anything else becomes a space.
 */
public final class PdfReport {

  private static final float MARGIN = 56;
  private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
  private static final float LABEL_WIDTH = 150;

  private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  private final PDType1Font plain = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private final List<Block> blocks = new ArrayList<>();
  private final String title;

  private sealed interface Block permits Heading, Row, Paragraph, Gap {}

  private record Heading(String text) implements Block {}

  private record Row(String label, String value) implements Block {}

  private record Paragraph(String text, boolean strong, float size) implements Block {}

  private record Gap(float height) implements Block {}

  public PdfReport(String title) {
    this.title = title;
  }

  public PdfReport heading(String text) {
    blocks.add(new Heading(text));
    return this;
  }

  public PdfReport row(String label, String value) {
    blocks.add(new Row(label, value == null ? "" : value));
    return this;
  }

  public PdfReport paragraph(String text) {
    blocks.add(new Paragraph(text == null ? "" : text, false, 10));
    return this;
  }

  public PdfReport small(String text) {
    blocks.add(new Paragraph(text == null ? "" : text, false, 8));
    return this;
  }

  public PdfReport strong(String text) {
    blocks.add(new Paragraph(text == null ? "" : text, true, 10));
    return this;
  }

  public PdfReport gap(float height) {
    blocks.add(new Gap(height));
    return this;
  }

  public byte[] render() {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Writer writer = new Writer(document);
      writer.lines(bold, 15, wrap(title, bold, 15, WIDTH), MARGIN);
      writer.y -= 10;
      for (Block block : blocks) {
        if (block instanceof Heading h) {
          writer.y -= 8;
          writer.lines(bold, 12, wrap(h.text(), bold, 12, WIDTH), MARGIN);
          writer.y -= 2;
        } else if (block instanceof Row r) {
          writer.row(r);
        } else if (block instanceof Paragraph p) {
          PDType1Font font = p.strong() ? bold : plain;
          writer.lines(font, p.size(), wrap(p.text(), font, p.size(), WIDTH), MARGIN);
        } else if (block instanceof Gap g) {
          writer.y -= g.height();
        }
      }
      writer.close();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private final class Writer {
    private final PDDocument document;
    private PDPageContentStream content;
    float y;

    Writer(PDDocument document) throws IOException {
      this.document = document;
      newPage();
    }

    void newPage() throws IOException {
      if (content != null) {
        content.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      content = new PDPageContentStream(document, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    void lines(PDType1Font font, float size, List<String> lines, float x) throws IOException {
      for (String line : lines) {
        text(font, size, line, x);
        y -= size + 4;
      }
    }

    void text(PDType1Font font, float size, String line, float x) throws IOException {
      if (y < MARGIN + size) {
        newPage();
      }
      content.beginText();
      content.setFont(font, size);
      content.newLineAtOffset(x, y - size);
      content.showText(line);
      content.endText();
    }

    void row(Row r) throws IOException {
      List<String> labels = wrap(r.label() + ":", bold, 10, LABEL_WIDTH - 8);
      List<String> values = wrap(r.value(), plain, 10, WIDTH - LABEL_WIDTH);
      int n = Math.max(labels.size(), values.size());
      for (int i = 0; i < n; i++) {
        if (y < MARGIN + 10) {
          newPage();
        }
        if (i < labels.size()) {
          text(bold, 10, labels.get(i), MARGIN);
        }
        if (i < values.size()) {
          text(plain, 10, values.get(i), MARGIN + LABEL_WIDTH);
        }
        y -= 14;
      }
    }

    void close() throws IOException {
      content.close();
    }
  }

  /** Splits text into lines no wider than {@code width} (long words are cut). */
  static List<String> wrap(String text, PDType1Font font, float size, float width) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : printable(text).split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.split(" ")) {
        String candidate = line.isEmpty() ? word : line + " " + word;
        if (width(candidate, font, size) <= width) {
          line.setLength(0);
          line.append(candidate);
          continue;
        }
        if (!line.isEmpty()) {
          lines.add(line.toString());
          line.setLength(0);
        }
        while (width(word, font, size) > width) {
          int cut = word.length() - 1;
          while (cut > 1 && width(word.substring(0, cut), font, size) > width) {
            cut--;
          }
          lines.add(word.substring(0, cut));
          word = word.substring(cut);
        }
        line.append(word);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private static float width(String text, PDType1Font font, float size) {
    try {
      return font.getStringWidth(text) / 1000 * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Keeps what WinAnsi can draw; line breaks stay as paragraph breaks. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c == '\n') {
        out.append('\n');
      } else if (c == '\u2026') {
        out.append("...");
      } else if (c == '\u2013' || c == '\u2014') {
        out.append('-');
      } else {
        out.append((c >= 32 && c < 127) || (c >= 160 && c < 256) ? c : ' ');
      }
    }
    return out.toString();
  }
}
