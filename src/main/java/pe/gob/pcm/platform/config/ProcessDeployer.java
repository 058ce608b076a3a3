package pe.gob.pcm.platform.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import java.util.List;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Deploys every model of {@code processes/} (BPMN, DMN) and every form of {@code forms/} as one
 * deployment, under names relative to those folders ({@code processes/colabora/colabora.bpmn}).
 *
 * <p>Why not the starter's auto-deployment: it names resources by their absolute location,
 * which differs between {@code mvn spring-boot:run} and {@code java -jar}, so switching between
 * the two on one database created new versions of unchanged processes. It also skips forms.
 * With stable names Camunda's duplicate filter recognises an unchanged set and deploys nothing;
 * when anything changed, everything is redeployed together so that {@code camunda:formRef}
 * with deployment binding always finds its form in the same deployment.
 */
@Component
@Order(10)
public class ProcessDeployer implements ApplicationRunner {

  public static final String DEPLOYMENT_NAME = "plataforma";
  static final String[] FOLDERS = {"processes", "forms"};
  static final String[] PATTERNS = {
    "classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn", "classpath*:forms/**/*.form"
  };

  private static final Logger LOG = LoggerFactory.getLogger(ProcessDeployer.class);

  private final RepositoryService repository;
  private final JdbcTemplate jdbc;
  private final String definitions;

  public ProcessDeployer(RepositoryService repository, JdbcTemplate jdbc,
      ProcessEngineConfigurationImpl engine) {
    this.repository = repository;
    this.jdbc = jdbc;
    // camunda.bpm.database.table-prefix, when the engine's tables live in another schema
    this.definitions = engine.getDatabaseTablePrefix() + "ACT_RE_PROCDEF";
  }

  @Override
  public void run(ApplicationArguments args) {
    deploy();
  }

  /** Deploys when something changed; returns the deployment, or null when nothing did. */
  public DeploymentWithDefinitions deploy() {
    Map<String, Resource> resources = findResources();
    DeploymentBuilder builder = repository.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(DEPLOYMENT_NAME);
    if (overtakenByAnotherDeployment()) {
      LOG.info("Un despliegue externo (p. ej. desde el Modeler) es la última versión de un proceso:"
          + " se vuelve a desplegar la versión del repositorio.");
    } else {
      builder.enableDuplicateFiltering(false);
    }
    resources.forEach((name, resource) -> {
      try (InputStream in = resource.getInputStream()) {
        builder.addInputStream(name, new java.io.ByteArrayInputStream(in.readAllBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException("No se pudo leer " + name, e);
      }
    });
    DeploymentWithDefinitions deployment = builder.deployWithResult();
    boolean created = deployment.getDeployedProcessDefinitions() != null
        && !deployment.getDeployedProcessDefinitions().isEmpty()
        || deployment.getDeployedDecisionDefinitions() != null
        && !deployment.getDeployedDecisionDefinitions().isEmpty();
    LOG.info("Despliegue '{}': {} recursos, {}", DEPLOYMENT_NAME, resources.size(),
        created ? "nueva versión " + deployment.getId() : "sin cambios");
    return created ? deployment : null;
  }

  /**
   * Whether a process of the last platform deployment has a newer version deployed otherwise
   * (the Modeler, the REST API). The repository is the reference: on start its version wins
   * again, even if its files did not change.
   *
   * <p>One SQL query on Camunda's repository table rather than process definition queries: the
   * API's query reads each definition's documentation, which parses and validates every BPMN model
   * of the result (some 0.5 s of every start, for models that the engine parses again anyway when
   * a process first runs).
   */
  private boolean overtakenByAnotherDeployment() {
    List<Deployment> last = repository.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME)
        .orderByDeploymentTime().desc().listPage(0, 1);
    if (last.isEmpty()) {
      return false;
    }
    Integer overtaken = jdbc.queryForObject("SELECT COUNT(*) FROM " + definitions + " ours"
        + " WHERE ours.DEPLOYMENT_ID_ = ? AND EXISTS (SELECT 1 FROM " + definitions + " newer"
        + " WHERE newer.KEY_ = ours.KEY_ AND newer.TENANT_ID_ IS NULL AND newer.VERSION_ > ours.VERSION_)",
        Integer.class, last.get(0).getId());
    return overtaken != null && overtaken > 0;
  }

  static Map<String, Resource> findResources() {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    Map<String, Resource> byName = new TreeMap<>();
    try {
      for (String pattern : PATTERNS) {
        for (Resource resource : resolver.getResources(pattern)) {
          byName.put(stableName(resource.getURL().toString()), resource);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("No se pudieron listar los modelos", e);
    }
    return byName;
  }

  /**
   * The part of a resource location from its top folder on: the same for a file under
   * {@code target/classes} and for an entry of the fat jar.
   */
  static String stableName(String location) {
    int best = -1;
    for (String folder : FOLDERS) {
      // The classpath root is followed by the folder: after "classes/" or after the jar's "!/".
      for (String root : new String[] {"/classes/" + folder + "/", "!/" + folder + "/"}) {
        int at = location.lastIndexOf(root);
        if (at >= 0) {
          best = Math.max(best, at + root.length() - folder.length() - 1);
        }
      }
    }
    if (best < 0) {
      throw new IllegalStateException("Ubicación de modelo no reconocida: " + location);
    }
    return location.substring(best);
  }
}
