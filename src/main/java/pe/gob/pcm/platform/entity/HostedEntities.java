package pe.gob.pcm.platform.entity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
   * RUCs found hosted. An entity is never removed from the platform, so once found it stays
   * hosted: every intake asks, and this spares that query (only positive answers are kept, so an
   * entity registered on another node is found on its first document).
   */
  private final Set<String> knownHosted = ConcurrentHashMap.newKeySet();

  /**
   * Names of hosted entities as last read, for the answers sent on every intake. A rename is seen
   * at once on this node (register forgets the name) and within {@link #NAME_TTL_NANOS} on others.
   */
  private final Map<String, KnownName> names = new ConcurrentHashMap<>();
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
    names.remove(ruc);
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
    if (ruc == null) {
      return false;
    }
    if (knownHosted.contains(ruc)) {
      return true;
    }
    boolean hosted = mapper.find(ruc) != null;
    if (hosted) {
      knownHosted.add(ruc);
    }
    return hosted;
  }

  public Optional<HostedEntityRow> find(String ruc) {
    return ruc == null ? Optional.empty() : Optional.ofNullable(mapper.find(ruc));
  }

  /** The entity's name (read at most a minute ago), or empty if it is not hosted here. */
  public Optional<String> name(String ruc) {
    if (ruc == null) {
      return Optional.empty();
    }
    KnownName known = names.get(ruc);
    if (known != null && System.nanoTime() - known.readAtNanos() < NAME_TTL_NANOS) {
      return Optional.of(known.name());
    }
    Optional<String> name = find(ruc).map(HostedEntityRow::name);
    name.ifPresent(found -> names.put(ruc, new KnownName(found, System.nanoTime())));
    return name;
  }

  public List<HostedEntityRow> all() {
    return mapper.findAll();
  }
}
