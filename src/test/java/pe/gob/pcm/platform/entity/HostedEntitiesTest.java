package pe.gob.pcm.platform.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.PlatformTest;

/** The name every intake answer carries is kept, and a rename on this node is seen at once. */
@PlatformTest
class HostedEntitiesTest {

  @Autowired HostedEntities entities;

  @Test
  void theNameIsTheRegisteredOneAndARenameIsSeenAtOnce() {
    String original = entities.find(Actors.MUNI_RUC).orElseThrow().name();
    assertThat(entities.name(Actors.MUNI_RUC)).contains(original);
    try {
      entities.register(new HostedEntities.EntityDetails(Actors.MUNI_RUC, "Municipalidad Distrital de Prueba"), "prueba");
      assertThat(entities.name(Actors.MUNI_RUC)).contains("Municipalidad Distrital de Prueba");
    } finally {
      entities.register(new HostedEntities.EntityDetails(Actors.MUNI_RUC, original), "prueba");
    }
    assertThat(entities.name(Actors.MUNI_RUC)).contains(original);
  }

  @Test
  void anEntityNotHostedHasNoName() {
    assertThat(entities.name("20131377224")).isEmpty();
    assertThat(entities.name(null)).isEmpty();
  }
}
