package pe.gob.pcm.platform.pide.credential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pe.gob.pcm.platform.account.OneTimeLinks;
import pe.gob.pcm.platform.entity.HostedEntities;
import pe.gob.pcm.platform.pide.PideServiceCode;

/**
 * The PIDE credentials (docs/credenciales-pide.md): a WS-Security UsernameToken per entity and
 * granted service, user name {@code <RUC>.<SERVICIO>}, a random secret stored only as a salted
 * SHA-256. Issued when Colabora grants the service; the secret is made and shown once when the
 * entity's master user opens the one-time link mailed to it; revoked by the SGTD; refused while
 * the entity is suspended. Every check reads the database (no cache), so a revocation or a
 * suspension holds at once on every node.
 */
@Service
public class PideCredentials {

  /** The purpose of the one-time link that reveals the secrets (account_token.purpose). */
  public static final String LINK_PURPOSE = "CREDENCIAL_PIDE";
  static final String REVEAL_PAGE = "/cuentas/credencial.html";

  private static final Logger LOG = LoggerFactory.getLogger(PideCredentials.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PideCredentialMapper mapper;
  private final OneTimeLinks links;
  private final IdentityService identity;
  private final HostedEntities entities;

  public PideCredentials(PideCredentialMapper mapper, OneTimeLinks links, IdentityService identity,
      HostedEntities entities) {
    this.mapper = mapper;
    this.links = links;
    this.identity = identity;
    this.entities = entities;
  }

  /** A secret shown once: the user name and the secret to configure in the entity's SGD. */
  public record Revealed(String username, String service, String secret) {}

  /** Why a call was refused, in Spanish, or accepted for the entity. */
  public record Verdict(boolean accepted, String entityRuc, String reason) {
    static Verdict refused(String reason) {
      return new Verdict(false, null, reason);
    }
  }

  /**
   * Issues the entity a credential for the service granted by the Colabora instance (safe to
   * repeat: a retried step issues nothing twice) and mails the recipient (the master user) a
   * one-time link that shows its secret, after the commit. A credential an earlier grant issued
   * the entity for the same service is revoked: the new grant replaces it.
   */
  @Transactional
  public void issue(String entityRuc, String serviceCode, String processInstanceId, String grantedBy,
      String recipientUserId) {
    PideServiceCode service = service(serviceCode);
    if (mapper.countByGrant(processInstanceId, service.name()) > 0) {
      return;
    }
    mapper.revokeGranted(entityRuc, service.name(), grantedBy, "Reemplazada por una nueva concesión del servicio");
    mapper.insert(service.username(entityRuc), entityRuc, service.name(), processInstanceId, grantedBy,
        recipientUserId);
    User recipient = recipientUserId == null ? null
        : identity.createUserQuery().userId(recipientUserId).singleResult();
    if (recipient == null || recipient.getEmail() == null || recipient.getEmail().isBlank()) {
      LOG.warn("Credencial PIDE {} emitida sin destinatario con correo ({}): la SGTD debe reemitirla",
          service.username(entityRuc), recipientUserId);
      return;
    }
    links.issue(recipient, LINK_PURPOSE, new OneTimeLinks.LinkMessage(REVEAL_PAGE,
        "Credencial de la PIDE para su entidad",
        "La SGTD aprobó el acceso de su entidad (RUC " + entityRuc + ") al servicio de la PIDE "
            + service.port() + ". El enlace muestra, una sola vez, el usuario y la clave (WS-Security"
            + " UsernameToken) que su sistema de trámite debe enviar en cada llamada a ese servicio."));
    LOG.info("Credencial PIDE {} emitida por {} (instancia {})", service.username(entityRuc), grantedBy,
        processInstanceId);
  }

  /**
   * Uses a one-time link: makes the secret of each credential waiting for it whose link went to
   * the link's user, stores only its hash and returns it, the one time it is shown.
   */
  @Transactional
  public List<Revealed> reveal(String token) {
    String userId = links.redeem(token, LINK_PURPOSE);
    List<Revealed> revealed = new ArrayList<>();
    for (PideCredentialMapper.Row row : mapper.findAwaitingSecret(userId)) {
      String secret = newSecret();
      String salt = HexFormat.of().formatHex(random(16));
      if (mapper.setSecret(row.id(), salt, hash(salt, secret)) == 1) {
        revealed.add(new Revealed(row.username(), row.serviceCode(), secret));
      }
    }
    LOG.info("Credenciales PIDE mostradas a {}: {}", userId, revealed.stream().map(Revealed::username).toList());
    return revealed;
  }

  /**
   * Whether a caller presenting this user name and secret may call the service: the credential
   * exists, is for that service, has its secret, is not revoked, the secret matches and its entity
   * is not suspended (docs/incorporacion.md: a suspended entity uses none of its credentials).
   */
  public Verdict verify(String username, String secret, PideServiceCode service) {
    if (username == null || username.isBlank() || secret == null || secret.isEmpty()) {
      return Verdict.refused("Se requiere la credencial de la PIDE del servicio " + service.port()
          + " (WS-Security UsernameToken).");
    }
    for (PideCredentialMapper.Row row : mapper.findActive(username.strip())) {
      if (row.secretHash() != null && MessageDigest.isEqual(
          hash(row.secretSalt().strip(), secret).getBytes(StandardCharsets.US_ASCII),
          row.secretHash().strip().getBytes(StandardCharsets.US_ASCII))) {
        if (entities.isSuspendedNow(row.entityRuc())) {
          return Verdict.refused("La entidad " + row.entityRuc() + " está suspendida en la plataforma: sus"
              + " credenciales de la PIDE no se aceptan mientras dure la suspensión.");
        }
        if (!service.name().equals(row.serviceCode())) {
          return Verdict.refused("La credencial " + row.username() + " no da acceso al servicio " + service.port() + ".");
        }
        return new Verdict(true, row.entityRuc(), null);
      }
    }
    // unknown, wrong secret, revoked or never revealed: the caller is not told which
    return Verdict.refused("Credencial de la PIDE no válida o revocada para el servicio " + service.port() + ".");
  }

  /** Revokes the entity's credential for the service; false when it had none active. */
  @Transactional
  public boolean revoke(String entityRuc, PideServiceCode service, String by, String reason) {
    boolean revoked = mapper.revoke(entityRuc, service.name(), by, reason) > 0;
    if (revoked) {
      LOG.info("Credencial PIDE {} revocada por {}: {}", service.username(entityRuc), by, reason);
    }
    return revoked;
  }

  public List<PideCredentialMapper.Row> of(String entityRuc) {
    return mapper.findByEntity(entityRuc);
  }

  /**
   * A credential whose secret comes from the configuration (the demo's own entities, so that the
   * platform's calls to its local PIDE carry one): stored once, never again; revoked stays revoked.
   */
  @Transactional
  public void seed(String entityRuc, PideServiceCode service, String username, String secret) {
    if (mapper.countByUsername(username) > 0) {
      return;
    }
    String salt = HexFormat.of().formatHex(random(16));
    mapper.insertWithSecret(username, entityRuc, service.name(), "configuracion", salt, hash(salt, secret));
  }

  static PideServiceCode service(String code) {
    PideServiceCode service = PideServiceCode.parse(code);
    if (service == null) {
      throw new IllegalArgumentException("Servicio de la PIDE desconocido: " + code);
    }
    return service;
  }

  /** 256 random bits: no dictionary to try, so one salted SHA-256 is enough (docs/credenciales-pide.md). */
  private static String newSecret() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random(32));
  }

  private static byte[] random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return value;
  }

  static String hash(String salt, String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(HexFormat.of().parseHex(salt));
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
