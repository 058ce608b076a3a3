package pe.gob.pcm.platform.entity;

import pe.gob.pcm.platform.security.Role;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pe.gob.pcm.platform.entity.HostedEntityMapper.HostedEntityRow;
import pe.gob.pcm.platform.validation.Identifiers;

/**
 * The entities hosted by the platform. Each is a Camunda tenant (id = RUC) whose members are the
 * entity's users; the PCM-side groups are members of every tenant because they serve them all.
 */
@Service
public class HostedEntities {

  private final HostedEntityMapper mapper;
  private final IdentityService identity;
  /**
   * Hosted entities as last read, by RUC: every intake asks whether its receiver is hosted and
   * answers with its name. Only entities found are kept (one registered on another node is found
   * on its first document); an entity is never removed from the platform, so a kept one stays
   * hosted. A rename is seen at once on this node (register forgets the entry) and within
   * {@link #NAME_TTL_NANOS} on the others.
   */
  private final Map<String, KnownName> known = new ConcurrentHashMap<>();
  private static final long NAME_TTL_NANOS = TimeUnit.MINUTES.toNanos(1);

  private record KnownName(String name, long readAtNanos) {}

  public HostedEntities(HostedEntityMapper mapper, IdentityService identity) {
    this.mapper = mapper;
    this.identity = identity;
  }

  /** Registers (or renames) an entity; safe to repeat. */
  @Transactional
  public void register(String ruc, String name) {
    String problem = Identifiers.rucProblem(ruc);
    if (problem != null) {
      throw new IllegalArgumentException("RUC de entidad hospedada " + ruc + ": " + problem);
    }
    HostedEntityRow existing = mapper.find(ruc);
    if (existing == null) {
      mapper.insert(ruc, name);
    } else if (!existing.name().equals(name)) {
      mapper.rename(ruc, name);
    }
    Tenant tenant = identity.createTenantQuery().tenantId(ruc).singleResult();
    if (tenant == null) {
      tenant = identity.newTenant(ruc);
      tenant.setName(name);
      identity.saveTenant(tenant);
    } else if (!name.equals(tenant.getName())) {
      tenant.setName(name);
      identity.saveTenant(tenant);
    }
    known.remove(ruc);
    for (Role role : Role.values()) {
      if (role.side() == Role.Side.PCM
          && identity.createTenantQuery().tenantId(ruc).groupMember(role.groupId()).count() == 0) {
        identity.createTenantGroupMembership(ruc, role.groupId());
      }
    }
  }

  /**
   * Why a valid RUC typed in a form cannot be used by a process of the tenant {@code tenantId}
   * (null when the process has no tenant): not hosted here, or not the user's own entity.
   */
  public String ownershipProblem(String ruc, String tenantId) {
    if (!isHosted(ruc)) {
      return "la entidad no está registrada en la plataforma";
    }
    return tenantId != null && !tenantId.equals(ruc) ? "no corresponde a la entidad de su usuario" : null;
  }

  /** Whether the entity is hosted here (receives documents, runs procedures). */
  public boolean isHosted(String ruc) {
    return ruc != null && (known.containsKey(ruc) || name(ruc).isPresent());
  }

  /** The entity's name (read at most a minute ago), or empty if it is not hosted here. */
  public Optional<String> name(String ruc) {
    if (ruc == null) {
      return Optional.empty();
    }
    KnownName kept = known.get(ruc);
    if (kept != null && System.nanoTime() - kept.readAtNanos() < NAME_TTL_NANOS) {
      return Optional.of(kept.name());
    }
    Optional<String> name = find(ruc).map(HostedEntityRow::name);
    name.ifPresent(found -> known.put(ruc, new KnownName(found, System.nanoTime())));
    return name;
  }

  public Optional<HostedEntityRow> find(String ruc) {
    return ruc == null ? Optional.empty() : Optional.ofNullable(mapper.find(ruc));
  }

  public List<HostedEntityRow> all() {
    return mapper.findAll();
  }
}
