package pe.gob.pcm.platform.pgo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The organigram of a structure as SVG: a top-down tree, each unit a box coloured by its type
 * (órganos with a solid border, unidades orgánicas dashed), with a legend.
 */
public final class OrgChart {

  static final int BOX_W = 170;
  static final int BOX_H = 58;
  static final int GAP_X = 18;
  static final int GAP_Y = 46;
  static final int MARGIN = 20;
  private static final Map<String, String[]> COLORS = new LinkedHashMap<>();

  static {
    COLORS.put("ALTA_DIRECCION", new String[] {"#1f3b73", "#ffffff", "Alta dirección"});
    COLORS.put("LINEA", new String[] {"#d9e8fb", "#0b2545", "Órgano de línea"});
    COLORS.put("ASESORAMIENTO", new String[] {"#fdf0d5", "#5c3d00", "Asesoramiento"});
    COLORS.put("APOYO", new String[] {"#e3f4e1", "#1d4620", "Apoyo"});
    COLORS.put("DESCONCENTRADO", new String[] {"#efe3f6", "#3d1a4f", "Desconcentrado"});
  }

  private OrgChart() {}

  /** A positioned box: its unit and top-left corner. */
  record Box(OrgUnit unit, double x, double y) {}

  public static String svg(OrgStructure structure, String title) {
    List<Box> boxes = layout(structure);
    double width = MARGIN * 2 + boxes.stream().mapToDouble(b -> b.x() + BOX_W).max().orElse(BOX_W);
    double height = MARGIN * 2 + 40 + boxes.stream().mapToDouble(b -> b.y() + BOX_H).max().orElse(BOX_H) + 40;
    width = Math.max(width, 5 * 150 + MARGIN * 2);
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(fmt(width)).append("\" height=\"")
        .append(fmt(height)).append("\" viewBox=\"0 0 ").append(fmt(width)).append(' ').append(fmt(height))
        .append("\" font-family=\"Helvetica, Arial, sans-serif\" role=\"img\" aria-label=\"")
        .append(escape(title)).append("\">");
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
    svg.append("<text x=\"").append(MARGIN).append("\" y=\"").append(MARGIN + 14)
        .append("\" font-size=\"16\" font-weight=\"bold\" fill=\"#222\">").append(escape(title)).append("</text>");
    Map<String, Box> byCode = new LinkedHashMap<>();
    for (Box box : boxes) {
      byCode.put(box.unit().code(), box);
    }
    double top = MARGIN + 40;
    for (Box box : boxes) {
      Box parent = box.unit().parent() == null ? null : byCode.get(box.unit().parent());
      if (parent != null) {
        double px = MARGIN + parent.x() + BOX_W / 2.0;
        double py = top + parent.y() + BOX_H;
        double cx = MARGIN + box.x() + BOX_W / 2.0;
        double cy = top + box.y();
        double mid = py + GAP_Y / 2.0;
        svg.append("<path d=\"M").append(fmt(px)).append(' ').append(fmt(py)).append(" V").append(fmt(mid))
            .append(" H").append(fmt(cx)).append(" V").append(fmt(cy))
            .append("\" fill=\"none\" stroke=\"#666\" stroke-width=\"1.2\"/>");
      }
    }
    for (Box box : boxes) {
      OrgUnit unit = box.unit();
      String[] color = COLORS.getOrDefault(unit.type(), new String[] {"#eeeeee", "#222222", "?"});
      double x = MARGIN + box.x();
      double y = top + box.y();
      svg.append("<g><title>").append(escape(unit.label() + " - " + unit.functions().size() + " funciones"))
          .append("</title><rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y)).append("\" width=\"")
          .append(BOX_W).append("\" height=\"").append(BOX_H).append("\" rx=\"6\" fill=\"").append(color[0])
          .append("\" stroke=\"#333\" stroke-width=\"").append(unit.isOrgano() ? "1.6" : "1\" stroke-dasharray=\"4 3")
          .append("\"/>");
      List<String> lines = wrap(unit.name() == null ? "" : unit.name(), 26, 3);
      double lineY = y + BOX_H / 2.0 - (lines.size() - 1) * 7 + 4;
      for (String line : lines) {
        svg.append("<text x=\"").append(fmt(x + BOX_W / 2.0)).append("\" y=\"").append(fmt(lineY))
            .append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"").append(color[1]).append("\">")
            .append(escape(line)).append("</text>");
        lineY += 14;
      }
      svg.append("</g>");
    }
    double legendY = height - MARGIN - 10;
    double legendX = MARGIN;
    for (String[] color : COLORS.values()) {
      svg.append("<rect x=\"").append(fmt(legendX)).append("\" y=\"").append(fmt(legendY - 10))
          .append("\" width=\"14\" height=\"14\" fill=\"").append(color[0]).append("\" stroke=\"#333\"/>")
          .append("<text x=\"").append(fmt(legendX + 20)).append("\" y=\"").append(fmt(legendY + 1))
          .append("\" font-size=\"11\" fill=\"#222\">").append(escape(color[2])).append("</text>");
      legendX += 150;
    }
    return svg.append("</svg>").toString();
  }

  /** Tidy enough tree layout: leaves left to right, each parent centred over its children. */
  static List<Box> layout(OrgStructure structure) {
    List<Box> boxes = new ArrayList<>();
    double[] nextX = {0};
    Set<String> placed = new HashSet<>();
    for (OrgUnit root : structure.roots()) {
      place(structure, root, 0, nextX, boxes, placed);
    }
    // Units outside the tree (bad parents, cycles) still show, on a last row.
    double maxY = boxes.stream().mapToDouble(Box::y).max().orElse(-(BOX_H + GAP_Y));
    double x = 0;
    for (OrgUnit unit : structure.units()) {
      if (unit.code() != null && !placed.contains(unit.code())) {
        boxes.add(new Box(unit, x, maxY + BOX_H + GAP_Y));
        placed.add(unit.code());
        x += BOX_W + GAP_X;
      }
    }
    return boxes;
  }

  private static double place(OrgStructure structure, OrgUnit unit, int depth, double[] nextX, List<Box> boxes,
      Set<String> placed) {
    if (unit.code() != null && !placed.add(unit.code())) {
      return nextX[0];
    }
    List<OrgUnit> children = depth > 30 ? List.of() : structure.children(unit.code());
    double y = depth * (BOX_H + GAP_Y);
    if (children.isEmpty()) {
      double x = nextX[0];
      nextX[0] += BOX_W + GAP_X;
      boxes.add(new Box(unit, x, y));
      return x;
    }
    int index = boxes.size();
    List<Double> xs = new ArrayList<>();
    for (OrgUnit child : children) {
      xs.add(place(structure, child, depth + 1, nextX, boxes, placed));
    }
    double x = (xs.get(0) + xs.get(xs.size() - 1)) / 2;
    boxes.add(index, new Box(unit, x, y));
    return x;
  }

  static List<String> wrap(String text, int width, int maxLines) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.isEmpty() ? "" : " ").append(word);
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    if (lines.size() > maxLines) {
      List<String> cut = new ArrayList<>(lines.subList(0, maxLines));
      cut.set(maxLines - 1, cut.get(maxLines - 1) + "…");
      return cut;
    }
    return lines;
  }

  private static String fmt(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.format(java.util.Locale.ROOT, "%.1f", value);
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c < 32 ? ' ' : c);
      }
    }
    return out.toString();
  }
}
