package pe.gob.pcm.platform.account;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.TenantMembershipEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import pe.gob.pcm.platform.account.DeactivationMapper.Deactivation;
import pe.gob.pcm.platform.security.Role;
import pe.gob.pcm.platform.validation.FieldChecks;
import pe.gob.pcm.platform.validation.FieldError;
import pe.gob.pcm.platform.validation.InvalidInputException;

/**
 * The people of one entity as its master user manages them (docs/personas.md): the users who are
 * members of the entity's tenant, the five entity-side roles they hold, created with a one-time
 * link ({@link Accounts#ensureEntityUser}), deactivated and reactivated, sent a link to reset
 * their password, imported from a file all or nothing. Every method takes the entity's RUC and
 * reaches only users of that tenant: any other user id is answered as one that does not exist.
 * Accounts the PCM administers (PCM-side or administrator groups, or members of another tenant
 * too) are listed but not changed here; the master user's own role is never given nor taken.
 */
@Service
public class People {

  /** The roles a master user gives: the entity-side ones, except its own. */
  public static final List<Role> ASSIGNABLE = List.of(Role.MESA_PARTES, Role.TRAMITE_DOCUMENTARIO, Role.TI,
      Role.OGPP, Role.ASESORIA_LEGAL, Role.GERENCIA_MUNICIPAL, Role.COMISION_REGIDORES, Role.CONCEJO_MUNICIPAL);

  /** The roles shown for each person: the assignable ones and the master user's. */
  private static final List<Role> SHOWN = java.util.stream.Stream.concat(ASSIGNABLE.stream(),
      java.util.stream.Stream.of(Role.USUARIO_MAESTRO)).toList();

  /** A person of the entity: {@code roles} are those to be given back when the person is inactive. */
  public record Person(String userId, String firstName, String lastName, String email, List<Role> roles,
      boolean active) {

    public boolean master() {
      return roles.contains(Role.USUARIO_MAESTRO);
    }
  }

  public record PersonPage(long total, List<Person> people) {}

  /** What reactivating did: the person now, and whether it was inactive until now. */
  public record Reactivated(Person person, boolean wasInactive) {}

  /** What deactivating did: the person now, and how many tasks went back to their groups. */
  public record Deactivated(Person person, int releasedTasks) {}

  /** A refused line of an import file: the row as the spreadsheet numbers it, the column, why. */
  public record LineError(int row, String column, String label, String reason) {

    public String message() {
      return "Fila " + row + ", " + label + ": " + reason + ".";
    }
  }

  /** The whole import was refused: nothing was created. */
  public static class ImportRefused extends RuntimeException {

    private final transient List<LineError> errors;
    private final int rows;

    ImportRefused(List<LineError> errors, int rows) {
      super("No se creó ningún usuario: " + errors.stream().map(LineError::row).distinct().count() + " de "
          + rows + " filas tienen errores. Corríjalas y vuelva a subir el archivo completo.");
      this.errors = List.copyOf(errors);
      this.rows = rows;
    }

    public List<LineError> errors() {
      return errors;
    }

    public int rows() {
      return rows;
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(People.class);
  /** Ids per query when many are looked up at once (an import). */
  private static final int CHUNK = 500;

  private final IdentityService identity;
  private final TaskService tasks;
  private final Accounts accounts;
  private final OneTimeLinks links;
  private final AccountTokenMapper tokens;
  private final DeactivationMapper deactivations;
  private final String userTable;
  private final String tenantMemberTable;

  public People(IdentityService identity, TaskService tasks, ManagementService management, Accounts accounts,
      OneTimeLinks links, AccountTokenMapper tokens, DeactivationMapper deactivations) {
    this.identity = identity;
    this.tasks = tasks;
    this.accounts = accounts;
    this.links = links;
    this.tokens = tokens;
    this.deactivations = deactivations;
    this.userTable = management.getTableName(UserEntity.class);
    this.tenantMemberTable = management.getTableName(TenantMembershipEntity.class);
  }

  // --- reading --------------------------------------------------------------------------------

  /**
   * One page of the entity's people by user id. {@code text} (optional) is looked for, ignoring
   * case, in the user id, the first and last names and the full name.
   */
  public PersonPage page(String ruc, String text, int offset, int limit) {
    String like = like(text);
    long total;
    List<User> users;
    if (like == null) {
      total = identity.createUserQuery().memberOfTenant(ruc).count();
      users = identity.createUserQuery().memberOfTenant(ruc).orderByUserId().asc().listPage(offset, limit);
    } else {
      // Camunda's user query has no "or": the same tenant filter, as a native query
      String where = " FROM " + userTable + " U WHERE EXISTS (SELECT 1 FROM " + tenantMemberTable + " M"
          + " WHERE M.USER_ID_ = U.ID_ AND M.TENANT_ID_ = #{ruc}) AND (LOWER(U.ID_) LIKE #{q} ESCAPE '!'"
          + " OR LOWER(U.FIRST_) LIKE #{q} ESCAPE '!' OR LOWER(U.LAST_) LIKE #{q} ESCAPE '!'"
          + " OR LOWER(U.FIRST_ || ' ' || U.LAST_) LIKE #{q} ESCAPE '!')";
      total = identity.createNativeUserQuery().sql("SELECT COUNT(*)" + where)
          .parameter("ruc", ruc).parameter("q", like).count();
      users = identity.createNativeUserQuery().sql("SELECT U.*" + where + " ORDER BY U.ID_")
          .parameter("ruc", ruc).parameter("q", like).listPage(offset, limit);
    }
    return new PersonPage(total, people(users));
  }

  /** The person, if the user is a member of the entity. */
  public Person find(String ruc, String userId) {
    return people(List.of(member(ruc, userId))).get(0);
  }

  /** Views of the users with their entity-side roles and state: a few queries for a whole page. */
  private List<Person> people(List<User> users) {
    if (users.isEmpty()) {
      return List.of();
    }
    String[] ids = users.stream().map(User::getId).toArray(String[]::new);
    Map<String, List<Role>> roles = new HashMap<>();
    for (Role role : SHOWN) {
      for (User member : identity.createUserQuery().memberOfGroup(role.groupId()).userIdIn(ids).list()) {
        roles.computeIfAbsent(member.getId(), id -> new ArrayList<>()).add(role);
      }
    }
    Map<String, Deactivation> inactive = deactivations.findAll(Arrays.asList(ids)).stream()
        .collect(Collectors.toMap(Deactivation::userId, d -> d));
    List<Person> people = new ArrayList<>();
    for (User user : users) {
      Deactivation deactivation = inactive.get(user.getId());
      List<Role> held = deactivation != null ? storedRoles(deactivation.roles())
          : roles.getOrDefault(user.getId(), List.of());
      people.add(new Person(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail(),
          List.copyOf(held), deactivation == null));
    }
    return people;
  }

  // --- changes --------------------------------------------------------------------------------

  /** Creates a person of the entity with roles and mails the activation link after the commit. */
  @Transactional
  public Person create(String ruc, Accounts.NewAccount account, Collection<String> roleIds, String by) {
    FieldChecks checks = new FieldChecks();
    Accounts.NewAccount clean = checked(account, checks);
    checks.check("roles", "Roles", rolesProblem(roleIds, true));
    if (clean != null) {
      checks.check("usuario", "Usuario", idProblem(ruc, clean.userId()));
    }
    checks.throwIfAny();
    add(ruc, clean, roles(roleIds));
    LOG.info("Personas de {}: {} creó el usuario {} con los roles {}", ruc, by, clean.userId(), roleIds);
    return find(ruc, clean.userId());
  }

  /** Sets the person's entity-side roles to exactly these (the master user's role is untouched). */
  @Transactional
  public Person changeRoles(String ruc, String userId, Collection<String> roleIds, String by) {
    User user = member(ruc, userId);
    refuseIfAdministeredByPcm(user.getId());
    refuseIfInactive(user.getId(), "reactívelo antes de cambiar sus roles");
    boolean master = identity.createUserQuery().userId(user.getId())
        .memberOfGroup(Role.USUARIO_MAESTRO.groupId()).count() == 1;
    new FieldChecks().check("roles", "Roles", rolesProblem(roleIds, !master)).throwIfAny();
    Set<Role> wanted = EnumSet.noneOf(Role.class);
    wanted.addAll(roles(roleIds));
    for (Role role : ASSIGNABLE) {
      boolean holds = identity.createUserQuery().userId(user.getId()).memberOfGroup(role.groupId()).count() == 1;
      if (wanted.contains(role) && !holds) {
        identity.createMembership(user.getId(), role.groupId());
      } else if (!wanted.contains(role) && holds) {
        identity.deleteMembership(user.getId(), role.groupId());
      }
    }
    LOG.info("Personas de {}: {} cambió los roles de {} a {}", ruc, by, user.getId(), wanted);
    return find(ruc, user.getId());
  }

  /**
   * Deactivates a person: no login of any kind (its password becomes one nobody knows and its
   * open links end), no role (so no task of the entity and no right), the tasks it had taken
   * back in their groups' lists; the account stays a member of the entity, for the history and
   * so that its id is never given to anyone else. Deactivating again changes nothing.
   */
  @Transactional
  public Deactivated deactivate(String ruc, String userId, String by) {
    User user = member(ruc, userId);
    if (user.getId().equals(by)) {
      throw forbidden("No puede desactivar su propia cuenta.");
    }
    refuseIfAdministeredByPcm(user.getId());
    if (identity.createUserQuery().userId(user.getId()).memberOfGroup(Role.USUARIO_MAESTRO.groupId()).count() == 1) {
      throw forbidden("La cuenta de un usuario máster solo la desactiva la PCM.");
    }
    if (deactivations.find(user.getId()) != null) {
      return new Deactivated(find(ruc, user.getId()), 0);
    }
    List<Role> held = new ArrayList<>();
    for (Role role : ASSIGNABLE) {
      if (identity.createUserQuery().userId(user.getId()).memberOfGroup(role.groupId()).count() == 1) {
        held.add(role);
      }
    }
    deactivations.insert(user.getId(), ruc, held.stream().map(Role::groupId).collect(Collectors.joining(";")), by);
    for (Role role : held) {
      identity.deleteMembership(user.getId(), role.groupId());
    }
    user.setPassword(Passwords.unusable());
    identity.saveUser(user);
    tokens.endOpenLinks(user.getId());
    int released = releaseTasks(ruc, user.getId());
    LOG.info("Personas de {}: {} desactivó al usuario {} (roles {}, {} tareas devueltas a sus grupos)", ruc, by,
        user.getId(), held, released);
    return new Deactivated(find(ruc, user.getId()), released);
  }

  /**
   * The tasks of the entity assigned to the user that a group may take go back unassigned to the
   * group's list; a task assigned to the person alone stays as it is, for an administrator to
   * reassign (unassigned, nobody would see it).
   */
  private int releaseTasks(String ruc, String userId) {
    int released = 0;
    for (Task task : tasks.createTaskQuery().taskAssignee(userId).tenantIdIn(ruc).list()) {
      boolean groupTask = tasks.getIdentityLinksForTask(task.getId()).stream()
          .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null);
      if (groupTask) {
        tasks.setAssignee(task.getId(), null);
        released++;
      }
    }
    return released;
  }

  /** Reactivates a person: its roles come back and it is mailed a link to choose a new password. */
  @Transactional
  public Reactivated reactivate(String ruc, String userId, String by) {
    User user = member(ruc, userId);
    refuseIfAdministeredByPcm(user.getId());
    Deactivation deactivation = deactivations.find(user.getId());
    if (deactivation == null || deactivations.delete(user.getId()) != 1) {
      return new Reactivated(find(ruc, user.getId()), false);
    }
    for (Role role : storedRoles(deactivation.roles())) {
      if (identity.createUserQuery().userId(user.getId()).memberOfGroup(role.groupId()).count() == 0) {
        identity.createMembership(user.getId(), role.groupId());
      }
    }
    links.issue(user, OneTimeLinks.REACTIVATE);
    LOG.info("Personas de {}: {} reactivó al usuario {}", ruc, by, user.getId());
    return new Reactivated(find(ruc, user.getId()), true);
  }

  /**
   * Mails the person a link to choose a new password (after the commit); nobody sees it. The
   * current password keeps working until the link is used; a new link ends the previous one.
   */
  @Transactional
  public Person sendResetLink(String ruc, String userId, String by) {
    User user = member(ruc, userId);
    refuseIfAdministeredByPcm(user.getId());
    refuseIfInactive(user.getId(), "reactívelo: la reactivación le envía un enlace");
    if (user.getEmail() == null || user.getEmail().isBlank()) {
      throw new InvalidInputException("correo", "Correo electrónico", "la cuenta no tiene correo: no se puede enviar el enlace");
    }
    links.issue(user, OneTimeLinks.RESET);
    LOG.info("Personas de {}: {} envió un enlace para restablecer la contraseña de {}", ruc, by, user.getId());
    return find(ruc, user.getId());
  }

  /**
   * Creates every person of the file, or none: each line is checked (fields, roles, a user id
   * repeated in the file or already taken) and, when any line is wrong, {@link ImportRefused}
   * lists every refused line. The activation links are mailed once the whole import committed.
   */
  @Transactional
  public List<String> importAll(String ruc, List<PeopleFile.Line> lines, String by) {
    List<LineError> errors = new ArrayList<>();
    Map<String, Integer> rowOfId = new HashMap<>();
    List<Map.Entry<Accounts.NewAccount, List<String>>> ready = new ArrayList<>();
    Map<String, Integer> readyRow = new HashMap<>();
    for (PeopleFile.Line line : lines) {
      FieldChecks checks = new FieldChecks();
      Accounts.NewAccount clean = checked(new Accounts.NewAccount(line.userId(), line.firstName(),
          line.lastName(), line.email()), checks);
      List<String> roleIds = PeopleFile.splitRoles(line.roles());
      checks.check("roles", "Roles", rolesProblem(roleIds, true));
      if (clean != null) {
        Integer first = rowOfId.putIfAbsent(clean.userId(), line.row());
        if (first != null) {
          checks.check("usuario", "Usuario", "repite el usuario de la fila " + first);
        }
      }
      for (FieldError error : checks.errors()) {
        errors.add(new LineError(line.row(), error.field(), error.label(), error.reason()));
      }
      if (!checks.hasErrors()) {
        ready.add(Map.entry(clean, roleIds));
        readyRow.put(clean.userId(), line.row());
      }
    }
    List<String> ids = ready.stream().map(entry -> entry.getKey().userId()).toList();
    Set<String> inEntity = new HashSet<>();
    Set<String> taken = new HashSet<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      String[] chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK)).toArray(String[]::new);
      identity.createUserQuery().userIdIn(chunk).list().forEach(user -> taken.add(user.getId()));
      identity.createUserQuery().userIdIn(chunk).memberOfTenant(ruc).list().forEach(user -> inEntity.add(user.getId()));
    }
    for (String id : taken) {
      errors.add(new LineError(readyRow.get(id), "usuario", "Usuario",
          inEntity.contains(id) ? "ya existe en su entidad" : "ya está en uso: elija otro"));
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparingInt(LineError::row)
          .thenComparingInt(error -> PeopleFile.COLUMNS.indexOf(error.column())));
      throw new ImportRefused(errors, lines.size());
    }
    for (Map.Entry<Accounts.NewAccount, List<String>> entry : ready) {
      add(ruc, entry.getKey(), roles(entry.getValue()));
    }
    LOG.info("Personas de {}: {} importó {} usuarios", ruc, by, ids.size());
    return ids;
  }

  // --- rules ----------------------------------------------------------------------------------

  /** Creates the account with its first role through Accounts (which issues the link), then the rest. */
  private void add(String ruc, Accounts.NewAccount account, List<Role> roles) {
    if (!accounts.ensureEntityUser(ruc, account, roles.get(0))) {
      // created by another request since it was checked: never join someone else's account
      throw new InvalidInputException("usuario", "Usuario", "ya está en uso: elija otro");
    }
    for (Role role : roles.subList(1, roles.size())) {
      identity.createMembership(account.userId(), role.groupId());
    }
  }

  /** The account with its values trimmed, or null with its refusals added to the checks. */
  private static Accounts.NewAccount checked(Accounts.NewAccount account, FieldChecks checks) {
    try {
      return Accounts.check(account);
    } catch (InvalidInputException e) {
      e.errors().forEach(error -> checks.check(error.field(), error.label(), error.reason()));
      return null;
    }
  }

  /** Why a new user id cannot be used: a person of this entity has it, or anyone else does. */
  private String idProblem(String ruc, String userId) {
    if (identity.createUserQuery().userId(userId).count() == 0) {
      return null;
    }
    return identity.createUserQuery().userId(userId).memberOfTenant(ruc).count() == 1 ? "ya existe en su entidad"
        : "ya está en uso: elija otro";
  }

  /**
   * Why these role ids cannot be given by a master user (null when they can): each must be one
   * of {@link #ASSIGNABLE}; {@code required}: at least one.
   */
  static String rolesProblem(Collection<String> roleIds, boolean required) {
    List<String> problems = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String raw : roleIds == null ? List.<String>of() : roleIds) {
      String id = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
      if (id.isEmpty() || !seen.add(id)) {
        continue;
      }
      Role role = byGroupId(id);
      if (role == null) {
        problems.add("«" + raw.strip() + "» no es un rol");
      } else if (!ASSIGNABLE.contains(role)) {
        problems.add("«" + id + "» no lo asigna el usuario máster");
      }
    }
    if (!problems.isEmpty()) {
      return String.join("; ", problems) + " (use " + assignableList() + ")";
    }
    return required && seen.isEmpty() ? "elija al menos uno: " + assignableList() : null;
  }

  /** The roles of ids already checked by {@link #rolesProblem}, in the order given, once each. */
  private static List<Role> roles(Collection<String> roleIds) {
    Set<Role> roles = new LinkedHashSet<>();
    for (String raw : roleIds == null ? List.<String>of() : roleIds) {
      Role role = raw == null ? null : byGroupId(raw.strip().toLowerCase(Locale.ROOT));
      if (role != null) {
        roles.add(role);
      }
    }
    return List.copyOf(roles);
  }

  private static List<Role> storedRoles(String stored) {
    return roles(stored == null || stored.isEmpty() ? List.of() : List.of(stored.split(";")));
  }

  private static Role byGroupId(String groupId) {
    for (Role role : Role.values()) {
      if (role.groupId().equals(groupId)) {
        return role;
      }
    }
    return null;
  }

  private static String assignableList() {
    List<String> ids = ASSIGNABLE.stream().map(Role::groupId).toList();
    return String.join(", ", ids.subList(0, ids.size() - 1)) + " o " + ids.get(ids.size() - 1);
  }

  /** The user, if a member of the entity; otherwise 404, the same answer as for a user that does not exist. */
  private User member(String ruc, String userId) {
    User user = userId == null || userId.isBlank() ? null
        : identity.createUserQuery().userId(userId.strip()).memberOfTenant(ruc).singleResult();
    if (user == null) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND,
          "No hay un usuario «" + (userId == null ? "" : userId.strip()) + "» en su entidad.");
    }
    return user;
  }

  /**
   * Accounts with a PCM-side or administrator group, or that belong to another tenant too, serve
   * more than this entity: the PCM administers them (Camunda Admin), not the master user.
   */
  private void refuseIfAdministeredByPcm(String userId) {
    boolean pcm = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
        .anyMatch(group -> Role.ADMIN_GROUP.equals(group) || Arrays.stream(Role.values())
            .anyMatch(role -> role.side() != Role.Side.ENTITY && role.groupId().equals(group)));
    if (pcm || identity.createTenantQuery().userMember(userId).count() > 1) {
      throw forbidden("Esta cuenta no es solo de su entidad: la administra la PCM en Camunda Admin.");
    }
  }

  private void refuseIfInactive(String userId, String what) {
    if (deactivations.find(userId) != null) {
      throw new InvalidInputException("usuario", "Usuario", "está desactivado: " + what);
    }
  }

  /** A LIKE pattern for the text, lower case, with {@code !} as the escape character. */
  private static String like(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String escaped = text.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
    return "%" + escaped + "%";
  }

  private static ResponseStatusException forbidden(String message) {
    return new ResponseStatusException(HttpStatus.FORBIDDEN, message);
  }
}
