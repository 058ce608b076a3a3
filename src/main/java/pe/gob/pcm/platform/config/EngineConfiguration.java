package pe.gob.pcm.platform.config;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import pe.gob.pcm.platform.entity.EntityAwareIdentityProvider;
import pe.gob.pcm.platform.entity.HostedEntities;
import pe.gob.pcm.platform.entity.EntityTenantIdProvider;
import pe.gob.pcm.platform.history.RecordCopies;
import pe.gob.pcm.platform.privacy.CuoLoggingContext;
import pe.gob.pcm.platform.security.NewTaskAuthorizationProvider;
import pe.gob.pcm.platform.security.TaskReaders;

/** Engine settings that have no starter property. */
@Component
public class EngineConfiguration extends AbstractCamundaConfiguration {

  private final java.util.List<RecordCopies> recordCopies;

  private final ObjectProvider<HostedEntities> entities;

  private final TaskReaders taskReaders;

  public EngineConfiguration(java.util.List<RecordCopies> recordCopies, ObjectProvider<HostedEntities> entities,
      TaskReaders taskReaders) {
    this.recordCopies = recordCopies;
    this.entities = entities;
    this.taskReaders = taskReaders;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // Shared definitions, per-entity instances: every instance belongs to the tenant of the
    // entity it serves, so an entity's users only ever see their own.
    configuration.setTenantIdProvider(new EntityTenantIdProvider());
    configuration.setTenantCheckEnabled(true);
    // users of a suspended entity cannot log in (the registry is read once the engine is up)
    configuration.setIdentityProviderSessionFactory(
        EntityAwareIdentityProvider.factory(ruc -> entities.getObject().isSuspended(ruc)));
    // "full" without the personal-data form fields (docs/datos-personales.md) nor the creation
    // detail of the features' record copies (PlatformHistoryLevel); the engine picks the last
    // level registered under the configured name
    configuration.setCustomHistoryLevels(java.util.List.of(new PlatformHistoryLevel(recordCopies)));
    // the id check before each insert builds its error message only when it fails
    configuration.setCustomSessionFactories(java.util.List.of(new CheapIdCheckEntityManagerFactory()));
    // a task created in this command has no grant to look up before granting its candidates, and
    // groups that read a procedure's tasks by definition get on each task only the right to work
    configuration.setResourceAuthorizationProvider(new NewTaskAuthorizationProvider(taskReaders));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // log lines written by delegates and listeners carry the CUO (docs/datos-personales.md)
    configuration.setDelegateInterceptor(new CuoLoggingContext(configuration.getDelegateInterceptor()));
  }
}
