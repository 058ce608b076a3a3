package pe.gob.pcm.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pe.gob.pcm.platform.support.PlatformTest;

@PlatformTest
class CheapIdCheckEntityManagerTest {

  @Autowired ProcessEngineConfigurationImpl engine;

  /** An entity with this id and description; a null description must not be asked for. */
  private static DbEntity entity(String id, String description) {
    return new DbEntity() {
      @Override
      public String getId() {
        return id;
      }

      @Override
      public void setId(String ignored) {}

      @Override
      public Object getPersistentState() {
        return id;
      }

      @Override
      public String toString() {
        if (description == null) {
          throw new AssertionError("toString() pedido para un id válido");
        }
        return description;
      }
    };
  }

  @Test
  void theEngineInsertsThroughIt() {
    Object manager = engine.getCommandExecutorTxRequired().execute(context -> context.getDbEntityManager());
    assertThat(manager).isInstanceOf(CheapIdCheckEntityManagerFactory.CheapIdCheckEntityManager.class);
  }

  @Test
  void aValidIdIsNotDescribed() {
    CheapIdCheckEntityManagerFactory.CheapIdCheckEntityManager manager =
        new CheapIdCheckEntityManagerFactory.CheapIdCheckEntityManager(null, null);
    assertThatCode(() -> manager.validateId(entity("0193b2a4-7c1e-7f00-8000-000000000001", null)))
        .doesNotThrowAnyException();
  }

  @Test
  void anInvalidIdFailsWithTheEnginesMessage() {
    CheapIdCheckEntityManagerFactory.CheapIdCheckEntityManager manager =
        new CheapIdCheckEntityManagerFactory.CheapIdCheckEntityManager(null, null);
    assertThatThrownBy(() -> manager.validateId(entity(null, "Entidad[null]")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Entidad[null]").hasMessageContaining("id");
    assertThatThrownBy(() -> manager.validateId(entity("*", "Entidad[*]")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Entidad[*]")
        .hasMessageContaining("cannot be *");
  }
}
