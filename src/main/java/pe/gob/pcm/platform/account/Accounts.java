package pe.gob.pcm.platform.account;

import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pe.gob.pcm.platform.security.Role;
import pe.gob.pcm.platform.validation.FieldChecks;
import pe.gob.pcm.platform.validation.Identifiers;

/**
 * The platform's accounts (Camunda users): requesters who register themselves to ask for their
 * entity's master user, and entity users. Every account gets its password through a
 * {@link OneTimeLinks one-time link}; until then it has one nobody knows.
 */
@Service
public class Accounts {

  /** Camunda's id whitelist of this platform ({@code generalResourceWhitelistPattern}). */
  private static final Pattern USER_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

  private final IdentityService identity;
  private final OneTimeLinks links;

  public Accounts(IdentityService identity, OneTimeLinks links) {
    this.identity = identity;
    this.links = links;
  }

  /** What a person gives to have an account. */
  public record NewAccount(String userId, String firstName, String lastName, String email) {}

  /**
   * Registers a requester (an officer whose entity is not hosted yet) and mails the activation
   * link. Registering again the same user id with the same e-mail, before activating, only sends
   * a new link; anything else about an existing id is refused without saying whose it is.
   */
  @Transactional
  public void registerRequester(NewAccount account) {
    NewAccount clean = check(account);
    User existing = identity.createUserQuery().userId(clean.userId()).singleResult();
    if (existing != null) {
      boolean pendingRequester = clean.email().equalsIgnoreCase(existing.getEmail())
          && identity.createUserQuery().userId(clean.userId()).memberOfGroup(Role.SOLICITANTE.groupId()).count() == 1
          && identity.createUserQuery().userId(clean.userId()).memberOfGroup(Role.USUARIO_MAESTRO.groupId()).count() == 0;
      if (!pendingRequester) {
        new FieldChecks().check("usuario", "Usuario", "ya está en uso: elija otro").throwIfAny();
      }
      links.issue(existing, OneTimeLinks.ACTIVATE);
    } else {
      User user = create(clean);
      identity.createMembership(clean.userId(), Role.SOLICITANTE.groupId());
      identity.createTenantUserMembership(Role.REQUESTER_TENANT, clean.userId());
      links.issue(user, OneTimeLinks.ACTIVATE);
    }
  }

  /**
   * Makes sure the entity has the account {@code userId} as a member with the role, creating it
   * (with a link to choose its password) if needed; safe to repeat. Returns whether it was created.
   */
  @Transactional
  public boolean ensureEntityUser(String entityRuc, NewAccount account, Role role) {
    NewAccount clean = check(account);
    User created = null;
    if (identity.createUserQuery().userId(clean.userId()).count() == 0) {
      created = create(clean);
    }
    if (identity.createUserQuery().userId(clean.userId()).memberOfGroup(role.groupId()).count() == 0) {
      identity.createMembership(clean.userId(), role.groupId());
    }
    if (identity.createTenantQuery().tenantId(entityRuc).userMember(clean.userId()).count() == 0) {
      identity.createTenantUserMembership(entityRuc, clean.userId());
    }
    if (created != null) {
      links.issue(created, OneTimeLinks.ACTIVATE);
    }
    return created != null;
  }

  private User create(NewAccount account) {
    User user = identity.newUser(account.userId());
    user.setFirstName(account.firstName());
    user.setLastName(account.lastName());
    user.setEmail(account.email());
    user.setPassword(Passwords.unusable());
    identity.saveUser(user);
    return user;
  }

  /** The account with its values trimmed, or the refusal naming every wrong field. */
  public static NewAccount check(NewAccount account) {
    String userId = strip(account.userId());
    String email = strip(account.email());
    new FieldChecks()
        .check("usuario", "Usuario", userId == null ? "es obligatorio"
            : USER_ID.matcher(userId).matches() ? null
            : "de 3 a 64 caracteres: minúsculas, dígitos, punto, guion o guion bajo, empezando por letra o dígito")
        .check("nombres", "Nombres", Identifiers.textProblem(account.firstName(), 100))
        .check("apellidos", "Apellidos", Identifiers.textProblem(account.lastName(), 100))
        .check("correo", "Correo electrónico", Identifiers.emailProblem(email))
        .throwIfAny();
    return new NewAccount(userId, account.firstName().strip(), account.lastName().strip(), email);
  }

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }
}
