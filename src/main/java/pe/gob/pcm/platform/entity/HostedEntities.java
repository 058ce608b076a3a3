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
import pe.gob.pcm.platform.validation.InvalidInputException;

/**
 * The registry of entities (docs/incorporacion.md). A hosted entity is a Camunda tenant (id = RUC)
 * whose members are the entity's users; the PCM-side groups are members of every tenant because
 * they serve them all. An entity that only asked to join (Colabora) has a record and no tenant.
 */
@Service
public class HostedEntities {

  /** PIDE categories (sidcatent) of regional and local governments; the rest are national. */
  private static final Map<Integer, String> LEVEL_BY_CATEGORY = Map.of(6, "REGIONAL", 7, "LOCAL", 8, "LOCAL");

  private final HostedEntityMapper mapper;
  private final IdentityService identity;
  /**
   * Hosted entities as last read, by RUC: every intake asks whether its receiver is hosted and
   * answers with its name. Only hosted entities found are kept. A change made on this node is
   * seen at once (the entry is forgotten) and within {@link #TTL_NANOS} on the others.
   */
  private final Map<String, Known> known = new ConcurrentHashMap<>();
  private static final long TTL_NANOS = TimeUnit.SECONDS.toNanos(30);

  private record Known(String name, EntityState state, long readAtNanos) {}

  /** The details of an entity as an administrator or the configuration gives them. */
  public record EntityDetails(String ruc, String name, Integer category, String sector, String governmentLevel) {

    public EntityDetails(String ruc, String name) {
      this(ruc, name, null, null, null);
    }
  }

  public HostedEntities(HostedEntityMapper mapper, IdentityService identity) {
    this.mapper = mapper;
    this.identity = identity;
  }

  /**
   * Registers (or updates) an active hosted entity with its tenant; safe to repeat. A suspended
   * entity stays suspended; one that had only asked to join becomes active.
   */
  @Transactional
  public HostedEntityRow register(EntityDetails details, String by) {
    checkDetails(details);
    String ruc = details.ruc();
    HostedEntityRow existing = mapper.find(ruc);
    String level = details.governmentLevel() != null ? details.governmentLevel() : levelOf(details.category());
    if (existing == null) {
      mapper.insert(ruc, details.name(), details.category(), details.sector(), level, EntityState.ACTIVA, by, null);
    } else {
      mapper.update(ruc, details.name(), details.category(), details.sector(), level);
      mapper.changeState(ruc, EntityState.SOLICITANTE, EntityState.ACTIVA, null, by, null);
    }
    ensureTenant(ruc, details.name());
    known.remove(ruc);
    return mapper.find(ruc);
  }

  /**
   * Records that the entity asked to join, through the Colabora request {@code processInstanceId}.
   * Returns why it cannot (already hosted, or another request for it is in progress), or null.
   */
  @Transactional
  public String requestJoin(EntityDetails details, String by, String processInstanceId) {
    checkDetails(details);
    HostedEntityRow existing = mapper.find(details.ruc());
    if (existing != null) {
      if (existing.hosted()) {
        return "la entidad ya está registrada en la plataforma: su usuario máster debe hacer la solicitud";
      }
      return processInstanceId.equals(existing.requestProcessInstanceId()) ? null
          : "ya hay una solicitud en curso para esta entidad";
    }
    mapper.insert(details.ruc(), details.name(), details.category(), details.sector(),
        details.governmentLevel() != null ? details.governmentLevel() : levelOf(details.category()),
        EntityState.SOLICITANTE, by, processInstanceId);
    return null;
  }

  /** Activates an entity that asked to join (Colabora approved): its tenant is made; safe to repeat. */
  @Transactional
  public void activateRequest(String ruc, String by, String processInstanceId) {
    HostedEntityRow row = mapper.find(ruc);
    if (row == null) {
      throw new IllegalStateException("La entidad " + ruc + " no tiene una solicitud registrada.");
    }
    mapper.changeState(ruc, EntityState.SOLICITANTE, EntityState.ACTIVA, null, by, processInstanceId);
    ensureTenant(ruc, row.name());
    known.remove(ruc);
  }

  /** Forgets the request of an entity that was rejected or abandoned (a hosted entity is untouched). */
  @Transactional
  public void withdrawRequest(String ruc, String processInstanceId) {
    mapper.deleteRequest(ruc, processInstanceId);
  }

  /** Suspends an active entity; false when it was not active. */
  @Transactional
  public boolean suspend(String ruc, String reason, String by) {
    boolean changed = mapper.changeState(ruc, EntityState.ACTIVA, EntityState.SUSPENDIDA, reason, by, null) == 1;
    known.remove(ruc);
    return changed;
  }

  /** Reactivates a suspended entity; false when it was not suspended. */
  @Transactional
  public boolean reactivate(String ruc, String by) {
    boolean changed = mapper.changeState(ruc, EntityState.SUSPENDIDA, EntityState.ACTIVA, null, by, null) == 1;
    known.remove(ruc);
    return changed;
  }

  /**
   * Why a valid RUC typed in a form cannot be used by a process of the tenant {@code tenantId}
   * (null when the process has no tenant): not hosted here, suspended, or not the user's own entity.
   */
  public String ownershipProblem(String ruc, String tenantId) {
    Optional<EntityState> state = state(ruc);
    if (state.isEmpty()) {
      return "la entidad no está registrada en la plataforma";
    }
    if (state.get() == EntityState.SUSPENDIDA) {
      return "la entidad está suspendida en la plataforma";
    }
    return tenantId != null && !tenantId.equals(ruc) ? "no corresponde a la entidad de su usuario" : null;
  }

  /** Whether the entity is hosted here (active or suspended). */
  public boolean isHosted(String ruc) {
    return state(ruc).isPresent();
  }

  /** Whether the entity is hosted and suspended. */
  public boolean isSuspended(String ruc) {
    return state(ruc).filter(EntityState.SUSPENDIDA::equals).isPresent();
  }

  /**
   * Whether the entity is suspended, read from the database now (not the kept state): for the
   * checks that must hold at once on every node, like the PIDE credentials of the entity.
   */
  public boolean isSuspendedNow(String ruc) {
    return find(ruc).filter(row -> row.state() == EntityState.SUSPENDIDA).isPresent();
  }

  /** The hosted entity's state (read at most {@link #TTL_NANOS} ago), empty if it is not hosted. */
  public Optional<EntityState> state(String ruc) {
    return known(ruc).map(Known::state);
  }

  /** The hosted entity's name (read at most {@link #TTL_NANOS} ago), or empty if it is not hosted. */
  public Optional<String> name(String ruc) {
    return known(ruc).map(Known::name);
  }

  private Optional<Known> known(String ruc) {
    if (ruc == null) {
      return Optional.empty();
    }
    Known kept = known.get(ruc);
    if (kept != null && System.nanoTime() - kept.readAtNanos() < TTL_NANOS) {
      return Optional.of(kept);
    }
    Optional<Known> read = find(ruc).filter(HostedEntityRow::hosted)
        .map(row -> new Known(row.name(), row.state(), System.nanoTime()));
    read.ifPresentOrElse(found -> known.put(ruc, found), () -> known.remove(ruc));
    return read;
  }

  /** The entity's record in any state. */
  public Optional<HostedEntityRow> find(String ruc) {
    return ruc == null ? Optional.empty() : Optional.ofNullable(mapper.find(ruc));
  }

  /** The hosted entities (active or suspended). */
  public List<HostedEntityRow> all() {
    return mapper.findHosted();
  }

  /** One page of the registry; {@code text} matches the name or the RUC. */
  public List<HostedEntityRow> page(EntityState state, String text, int offset, int limit) {
    return mapper.page(state, like(text), offset, limit);
  }

  public long count(EntityState state, String text) {
    return mapper.count(state, like(text));
  }

  private static String like(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String escaped = text.strip().toUpperCase().replace("%", "").replace("_", "");
    return escaped.isEmpty() ? null : "%" + escaped + "%";
  }

  /** The level of government of a PIDE category: REGIONAL, LOCAL or NACIONAL (null if unknown). */
  public static String levelOf(Integer category) {
    return category == null ? null : LEVEL_BY_CATEGORY.getOrDefault(category, "NACIONAL");
  }

  private static void checkDetails(EntityDetails details) {
    String problem = Identifiers.rucProblem(details.ruc());
    if (problem != null) {
      throw new InvalidInputException("ruc", "RUC de la entidad", problem);
    }
    String nameProblem = Identifiers.textProblem(details.name(), 250);
    if (nameProblem != null) {
      throw new InvalidInputException("name", "Nombre de la entidad", nameProblem);
    }
    if (details.category() != null && (details.category() < 1 || details.category() > 8)) {
      throw new InvalidInputException("category", "Categoría", "debe ser una categoría de la PIDE, del 1 al 8");
    }
  }

  private void ensureTenant(String ruc, String name) {
    Tenant tenant = identity.createTenantQuery().tenantId(ruc).singleResult();
    if (tenant == null) {
      tenant = identity.newTenant(ruc);
      tenant.setName(name);
      identity.saveTenant(tenant);
    } else if (!name.equals(tenant.getName())) {
      tenant.setName(name);
      identity.saveTenant(tenant);
    }
    for (Role role : Role.values()) {
      if (role.side() == Role.Side.PCM
          && identity.createTenantQuery().tenantId(ruc).groupMember(role.groupId()).count() == 0) {
        identity.createTenantGroupMembership(ruc, role.groupId());
      }
    }
  }
}
