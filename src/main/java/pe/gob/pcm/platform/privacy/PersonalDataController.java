package pe.gob.pcm.platform.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import pe.gob.pcm.platform.security.ApiAuthentication;
import pe.gob.pcm.platform.security.PlatformUser;
import pe.gob.pcm.platform.validation.ApiErrors;

/**
 * Key rotation, last step: an administrator re-encrypts every stored personal datum with the
 * current key (PLATFORM_DATA_KEY_CURRENT), after which the old key can be removed.
 */
@RestController
@Tag(name = "Datos personales", description = "Rotación de la clave que cifra los DNI, celulares y correos"
    + " guardados (docs/datos-personales.md)")
@SecurityRequirement(name = ApiAuthentication.BASIC)
@SecurityRequirement(name = ApiAuthentication.SESSION)
@ApiResponse(responseCode = "401", description = ApiAuthentication.UNAUTHENTICATED,
    content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
public class PersonalDataController {

  private static final Logger LOG = LoggerFactory.getLogger(PersonalDataController.class);

  /** The key of the answer for the personal-data variables of running process instances. */
  static final String RUNNING_VARIABLES = "variables_de_procesos_en_curso";

  private final DataSource dataSource;
  private final DataCipher cipher;
  private final RuntimeService runtime;

  public PersonalDataController(DataSource dataSource, DataCipher cipher, RuntimeService runtime) {
    this.dataSource = dataSource;
    this.cipher = cipher;
    this.runtime = runtime;
  }

  @PostMapping("/api/admin/datos-personales/recifrar")
  @Operation(summary = "Volver a cifrar los datos personales con la clave actual",
      description = "Último paso de la rotación: cifra de nuevo cada dato personal guardado (tablas y variables de"
          + " los procesos en curso) con la clave actual (PLATFORM_DATA_KEY_CURRENT), en una transacción; después"
          + " se puede retirar la clave anterior. Solo un administrador.")
  @ApiResponse(responseCode = "200", description = "claveActual y valoresCifradosDeNuevo (cuántos, por tabla)")
  @ApiResponse(responseCode = "403", description = "El usuario no es administrador" + ApiAuthentication.CROSS_SITE_WRITE,
      content = @Content(mediaType = ApiErrors.PROBLEM_JSON, schema = @Schema(implementation = ApiErrors.Problem.class)))
  public Map<String, Object> reencrypt(@RequestAttribute(PlatformUser.REQUEST_ATTRIBUTE) PlatformUser user)
      throws SQLException {
    if (!user.isAdmin()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "Solo un administrador puede volver a cifrar los datos personales.");
    }
    Map<String, Integer> changed;
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        changed = PersonalDataColumns.reencrypt(connection, cipher);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    }
    changed = new LinkedHashMap<>(changed);
    changed.put(RUNNING_VARIABLES, SealedVariables.reencrypt(runtime, cipher));
    LOG.info("Datos personales cifrados de nuevo con la clave '{}' por {}: {}", cipher.currentKeyId(),
        user.id(), changed);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("claveActual", cipher.currentKeyId());
    answer.put("valoresCifradosDeNuevo", changed);
    return answer;
  }
}
