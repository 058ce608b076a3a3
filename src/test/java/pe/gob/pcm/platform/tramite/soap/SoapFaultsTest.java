package pe.gob.pcm.platform.tramite.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.apache.cxf.interceptor.Fault;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/** The Spanish reasons a wsiotramite caller reads, and which side a fault is blamed on. */
class SoapFaultsTest {

  @Test
  void aDoctypeIsNamedAsSuch() {
    assertThat(SoapFaults.spanish("Received event DTD, instead of START_ELEMENT")).contains("DOCTYPE");
    assertThat(SoapFaults.spanish("Undeclared general entity \"x\"")).contains("DOCTYPE");
  }

  @Test
  void anEngineFailureMentioningEntitiesIsNotBlamedOnTheCallersXml() {
    String camunda = "ENGINE-03083 Exception while executing Batch Database Operations with message"
        + " 'Execution of 'INSERT HistoricVariableInstanceEventEntity[id=1]' failed.'";
    assertThat(SoapFaults.spanish(camunda)).doesNotContain("DOCTYPE");

    Fault fault = new Fault(new ProcessEngineException(camunda, new SQLException("FATAL: terminating connection", "57P01")));
    assertThat(SoapFaults.internal(fault)).isTrue();
  }

  @Test
  void aMalformedMessageIsTheCallers() {
    Fault fault = new Fault(new javax.xml.stream.XMLStreamException("Unexpected EOF in prolog"));
    assertThat(SoapFaults.internal(fault)).isFalse();
    assertThat(SoapFaults.spanish(fault.getMessage())).startsWith("El mensaje no es un XML bien formado");
  }
}
