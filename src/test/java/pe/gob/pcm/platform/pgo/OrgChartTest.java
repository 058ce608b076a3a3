package pe.gob.pcm.platform.pgo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class OrgChartTest {

  @Test
  void eachParentIsCentredAboveItsChildrenOneLevelDown() {
    OrgStructure structure = OrgStructure.parse(new MunicipalModels().structureJson("MD-C").orElseThrow(), "s", "S");
    Map<String, OrgChart.Box> boxes = OrgChart.layout(structure).stream()
        .collect(Collectors.toMap(b -> b.unit().code(), b -> b));

    assertThat(boxes).hasSameSizeAs(structure.units());
    OrgChart.Box administration = boxes.get("08");
    List<OrgChart.Box> children = structure.children("08").stream().map(u -> boxes.get(u.code())).toList();
    assertThat(children).hasSize(3).allSatisfy(c -> assertThat(c.y()).isGreaterThan(administration.y()));
    double centre = (children.get(0).x() + children.get(2).x()) / 2;
    assertThat(administration.x()).isEqualTo(centre);
    // no two boxes overlap on the same row
    assertThat(boxes.values().stream().map(b -> b.x() + "," + b.y()).distinct().count()).isEqualTo(boxes.size());
  }

  @Test
  void theSvgIsWellFormedAndEscapesWhatUsersWrite() throws Exception {
    OrgStructure structure = new OrgStructure(List.of(
        new OrgUnit("01", "Alcaldía <script>alert(1)</script> & Co.", "ORGANO", "ALTA_DIRECCION", 1, null, List.of("x")),
        new OrgUnit("02", "Gerencia \"Municipal\"", "ORGANO", "ALTA_DIRECCION", 2, "01", List.of("y"))));

    String svg = OrgChart.svg(structure, "Organigrama de prueba");

    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "script").getLength()).isZero();
    assertThat(doc.getDocumentElement().getTextContent()).contains("Alcaldía <script>alert(1)</script>");
    assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path").getLength()).isEqualTo(1);
  }
}
