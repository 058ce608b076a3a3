package pe.gob.pcm.platform.entity;

import pe.gob.pcm.platform.security.Role;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users, one per role and entity (listed in the README). Exists only in the demo profile:
 * with demo off no such user is ever created, and with directory login (ldap) people come from
 * the directory only.
 */
@Component
@Profile("demo & !ldap")
@Order(30)
public class DemoData implements ApplicationRunner {

  /** Entity-side users: prefix.suffix, e.g. muni.ti. */
  static final List<String[]> ENTITY_USERS = List.of(
      new String[] {"mesapartes", Role.MESA_PARTES.groupId(), "Mesa de Partes"},
      new String[] {"tramite", Role.TRAMITE_DOCUMENTARIO.groupId(), "Trámite Documentario"},
      new String[] {"ti", Role.TI.groupId(), "Jefatura de TI"},
      new String[] {"ogpp", Role.OGPP.groupId(), "Planeamiento"},
      new String[] {"legal", Role.ASESORIA_LEGAL.groupId(), "Asesoría Jurídica"},
      new String[] {"gm", Role.GERENCIA_MUNICIPAL.groupId(), "Gerencia Municipal"},
      new String[] {"regidores", Role.COMISION_REGIDORES.groupId(), "Comisión de regidores"},
      new String[] {"concejo", Role.CONCEJO_MUNICIPAL.groupId(), "Concejo Municipal"});

  /** PCM-side users. */
  static final List<String[]> PCM_USERS = List.of(
      new String[] {"sgtd.mesaayuda", Role.SGTD_MESA_AYUDA.groupId(), "Mesa de Ayuda SGTD"},
      new String[] {"sgp.evaluador", Role.SGP_EVALUADOR.groupId(), "Evaluador SGP"},
      new String[] {"sgp.evaluador2", Role.SGP_EVALUADOR.groupId(), "Segunda evaluadora SGP"},
      new String[] {"sgp.supervisor", Role.SGP_SUPERVISOR.groupId(), "Supervisor SGP"},
      new String[] {"pcm.gerencia", Role.GERENCIA.groupId(), "Gerencia PCM"},
      new String[] {"sgtd.admin", Role.SGTD_ADMINISTRADOR.groupId(), "Administración de entidades SGTD"});

  private final IdentityService identity;
  private final EntityProperties properties;
  private final String password;

  public DemoData(IdentityService identity, EntityProperties properties,
      @Value("${platform.demo.password:demo}") String password) {
    this.identity = identity;
    this.properties = properties;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (EntityProperties.HostedEntity entity : properties.hostedEntities()) {
      if (entity.demoUserPrefix() == null) {
        continue;
      }
      for (String[] u : ENTITY_USERS) {
        String userId = entity.demoUserPrefix() + "." + u[0];
        ensureUser(userId, u[2], entity.name(), u[1]);
        if (identity.createTenantQuery().tenantId(entity.ruc()).userMember(userId).count() == 0) {
          identity.createTenantUserMembership(entity.ruc(), userId);
        }
      }
    }
    for (String[] u : PCM_USERS) {
      ensureUser(u[0], u[2], "PCM", u[1]);
    }
  }

  private void ensureUser(String userId, String firstName, String lastName, String groupId) {
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setFirstName(firstName);
      user.setLastName(lastName.length() > 255 ? lastName.substring(0, 255) : lastName);
      user.setEmail(userId + "@demo.gob.pe");
      user.setPassword(password);
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(userId, groupId);
    }
  }
}
