package pe.gob.pcm.platform.processmap;

import java.util.List;
import java.util.Set;

/**
 * The picture of a map's levels as SVG: one band per kind of level-0 process (strategic on top,
 * missional in the middle, support at the bottom), each level-0 process a box listing its level-1
 * processes (with how many level-2 ones each has). Processes with an error today (such as an owner
 * unit no longer in the ROF) are drawn in red. Forms embed it like the ROF's organigram.
 */
public final class ProcessMapPicture {

  static final int WIDTH = 1120;
  static final int BAND_LABEL = 150;
  static final int BOX_WIDTH = 228;
  static final int GAP = 12;
  static final int PER_ROW = 4;
  static final int LINE = 17;
  static final int MAX_CHILDREN_SHOWN = 12;

  private ProcessMapPicture() {}

  public static String svg(ProcessMap map, Set<String> flagged) {
    StringBuilder body = new StringBuilder();
    int y = 10;
    String[] fills = {"#e8f0fe", "#e6f4ea", "#fef7e0"};
    List<String> types = MapProcess.TYPES;
    for (int t = 0; t < types.size(); t++) {
      String type = types.get(t);
      List<MapProcess> zeros = map.atLevel(0).stream().filter(p -> type.equals(p.type())).toList();
      int rows = Math.max(1, (zeros.size() + PER_ROW - 1) / PER_ROW);
      int[] rowHeights = new int[rows];
      for (int i = 0; i < zeros.size(); i++) {
        rowHeights[i / PER_ROW] = Math.max(rowHeights[i / PER_ROW], boxHeight(map, zeros.get(i)));
      }
      int bandHeight = GAP;
      for (int h : rowHeights) {
        bandHeight += Math.max(h, 60) + GAP;
      }
      body.append("<rect x='0' y='").append(y).append("' width='").append(WIDTH).append("' height='").append(bandHeight)
          .append("' rx='8' fill='").append(fills[t]).append("' stroke='#9aa0a6'/>");
      body.append("<text x='12' y='").append(y + 26).append("' font-weight='bold' font-size='14'>")
          .append(esc(MapProcess.typeName(types.get(t)).replace(" (operativos)", "").replace(" (soporte)", "")))
          .append("</text>");
      body.append("<text x='12' y='").append(y + 44).append("' font-size='11' fill='#5f6368'>")
          .append(zeros.size()).append(zeros.size() == 1 ? " proceso de nivel 0" : " procesos de nivel 0").append("</text>");
      int rowY = y + GAP;
      for (int r = 0; r < rows; r++) {
        for (int i = r * PER_ROW; i < Math.min(zeros.size(), (r + 1) * PER_ROW); i++) {
          int x = BAND_LABEL + (i % PER_ROW) * (BOX_WIDTH + GAP);
          box(body, map, zeros.get(i), x, rowY, Math.max(rowHeights[r], 60), flagged);
        }
        rowY += Math.max(rowHeights[r], 60) + GAP;
      }
      y += bandHeight + 10;
    }
    return "<svg xmlns='http://www.w3.org/2000/svg' width='" + WIDTH + "' height='" + y + "' viewBox='0 0 " + WIDTH
        + " " + y + "' font-family='Arial, sans-serif' role='img' aria-label='Mapa de procesos'>" + body + "</svg>";
  }

  private static int boxHeight(ProcessMap map, MapProcess zero) {
    int children = Math.min(MAX_CHILDREN_SHOWN + 1, map.children(zero.code()).size());
    return 2 * LINE + 14 + children * LINE + 8;
  }

  private static void box(StringBuilder b, ProcessMap map, MapProcess zero, int x, int y, int height, Set<String> flagged) {
    boolean bad = flagged.contains(zero.code());
    b.append("<g data-proceso='").append(esc(zero.code())).append("'>");
    b.append("<rect x='").append(x).append("' y='").append(y).append("' width='").append(BOX_WIDTH).append("' height='")
        .append(height).append("' rx='6' fill='white' stroke='").append(bad ? "#d93025" : "#1a73e8")
        .append("' stroke-width='").append(bad ? 3 : 1.5).append("'/>");
    b.append("<text x='").append(x + 8).append("' y='").append(y + LINE).append("' font-size='12' font-weight='bold'>")
        .append(esc(cut(zero.code() + " " + zero.name(), 32))).append("</text>");
    b.append("<text x='").append(x + 8).append("' y='").append(y + 2 * LINE).append("' font-size='10' fill='")
        .append(bad ? "#d93025" : "#5f6368").append("'>").append(esc(cut("Responsable: " + zero.unit(), 40)))
        .append("</text>");
    List<MapProcess> children = map.children(zero.code());
    int cy = y + 2 * LINE + 14;
    for (int i = 0; i < Math.min(MAX_CHILDREN_SHOWN, children.size()); i++) {
      MapProcess one = children.get(i);
      int twos = map.children(one.code()).size();
      boolean childBad = flagged.contains(one.code()) || map.children(one.code()).stream().anyMatch(p -> flagged.contains(p.code()));
      b.append("<text x='").append(x + 12).append("' y='").append(cy + 10).append("' font-size='10.5' fill='")
          .append(childBad ? "#d93025" : "#202124").append("'>")
          .append(esc(cut("• " + one.code() + " " + one.name(), 40) + (twos == 0 ? "" : " (" + twos + ")")))
          .append("</text>");
      cy += LINE;
    }
    if (children.size() > MAX_CHILDREN_SHOWN) {
      b.append("<text x='").append(x + 12).append("' y='").append(cy + 10).append("' font-size='10' fill='#5f6368'>y ")
          .append(children.size() - MAX_CHILDREN_SHOWN).append(" más</text>");
    }
    b.append("</g>");
  }

  static String cut(String s, int max) {
    return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  static String esc(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;")
        .replace("\"", "&quot;");
  }
}
