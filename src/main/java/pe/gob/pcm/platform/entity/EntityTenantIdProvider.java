package pe.gob.pcm.platform.entity;

import java.util.List;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;

/**
 * Decides which entity (tenant) a new process instance belongs to.
 *
 * <p>An entity user starting a procedure can only start it for their own entity: the tenant is
 * the one their user belongs to. A start without such a user (a SOAP intake, a system job) names
 * the entity in the variable {@value #ENTITY_RUC}. PCM-side users belong to every tenant (they
 * serve all entities), so for them the variable decides too.
 */
public class EntityTenantIdProvider implements TenantIdProvider {

  public static final String ENTITY_RUC = "entityRuc";

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    Authentication auth = Context.getCommandContext() == null
        ? null : Context.getCommandContext().getAuthentication();
    List<String> tenants = auth == null ? null : auth.getTenantIds();
    if (tenants != null && tenants.size() == 1) {
      return tenants.get(0);
    }
    Object ruc = ctx.getVariables() == null ? null : ctx.getVariables().getValue(ENTITY_RUC, Object.class);
    if (ruc instanceof String value && (tenants == null || tenants.isEmpty() || tenants.contains(value))) {
      return value.isBlank() ? null : value;
    }
    return null;
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return null;
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(
      TenantIdProviderHistoricDecisionInstanceContext ctx) {
    return ctx.getExecution() != null ? ctx.getExecution().getTenantId() : null;
  }
}
