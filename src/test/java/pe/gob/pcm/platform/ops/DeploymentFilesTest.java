package pe.gob.pcm.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Docker files cannot be built on the development machines, so they are checked against what
 * the platform and its tests actually use: every variable compose sets is one the platform reads
 * and the deployment manual explains; the image runs the jar Maven builds, on the port the proxy
 * targets, with the health path the platform answers anonymously; the proxy accepts the largest
 * request the platform accepts; the backup service uses the scripts and the nodes' database.
 */
class DeploymentFilesTest {

  private static final Path ROOT = Path.of("").toAbsolutePath();

  @Test
  void everyVariableComposeGivesTheNodesIsReadByThePlatformAndDocumented() throws IOException {
    Map<String, Object> services = services();
    Map<String, Object> node1 = env(services, "nodo1");
    Map<String, Object> node2 = env(services, "nodo2");
    assertThat(node1).isEqualTo(node2);
    assertThat(node1).containsEntry("SPRING_PROFILES_ACTIVE", "postgres");

    String deployment = read("docs/deployment.md");
    List<String> known = knownVariables();
    for (String variable : node1.keySet()) {
      assertThat(known).as("variable %s: la plataforma no la lee", variable).contains(variable);
      assertThat(deployment).as("variable %s: falta en docs/deployment.md", variable).contains(variable);
    }
  }

  @Test
  void theImageRunsTheBuiltJarOnTheProxiedPortWithTheAnonymousHealthCheck() throws IOException {
    String dockerfile = read("docker/Dockerfile");
    String pom = read("pom.xml");
    String finalName = group(pom, "<finalName>([^<]+)</finalName>");
    assertThat(dockerfile).contains("/src/target/" + finalName + ".jar");
    // it runs the extracted jar with the class data sharing archive its training start wrote
    String archive = group(dockerfile, "-XX:ArchiveClassesAtExit=(\\S+)");
    assertThat(group(dockerfile, "ENTRYPOINT[^\\n]*-XX:SharedArchiveFile=(\\S+) ")).isEqualTo(archive);
    assertThat(group(dockerfile, "ENTRYPOINT[^\\n]* -jar (\\S+)\"")).isEqualTo("/app/plataforma/" + finalName + ".jar");
    assertThat(dockerfile).contains("COPY --from=build /extracted /app/plataforma");
    assertThat(dockerfile).containsPattern("USER (?!root)\\w+");
    String exposed = group(dockerfile, "EXPOSE (\\d+)");
    assertThat(read("src/main/resources/application.yml")).contains("port: ${PORT:" + exposed + "}");
    String nginx = read("docker/nginx.conf");
    assertThat(nginx).contains("server nodo1:" + exposed).contains("server nodo2:" + exposed);
    assertThat(group(dockerfile, "HEALTHCHECK[^\\n]*\\n[^\\n]*(/actuator/health)")).isEqualTo("/actuator/health");
    // Every directory the build copies exists.
    Matcher copies = Pattern.compile("(?m)^COPY (?!--from)(\\S+) ").matcher(dockerfile);
    while (copies.find()) {
      assertThat(ROOT.resolve(copies.group(1))).exists();
    }
  }

  @Test
  void theProxyAcceptsTheLargestRequestThePlatformAccepts() throws IOException {
    int proxyMb = Integer.parseInt(group(read("docker/nginx.conf"), "client_max_body_size (\\d+)m;"));
    int platformMb = Integer.parseInt(group(read("src/main/resources/application.yml"),
        "max-request-size: (\\d+)MB"));
    assertThat(proxyMb).isGreaterThanOrEqualTo(platformMb);
  }

  @Test
  void theBackupServiceUsesTheScriptsAndTheNodesDatabase() throws IOException {
    Map<String, Object> services = services();
    Map<String, Object> backup = env(services, "respaldo");
    Map<String, Object> node = env(services, "nodo1");
    for (String variable : List.of("PLATFORM_DB_URL", "PLATFORM_DB_USER", "PLATFORM_DB_PASSWORD")) {
      assertThat(backup.get(variable)).as(variable).isEqualTo(node.get(variable));
    }
    assertThat(ROOT.resolve("docker/scripts/backup.sh")).isExecutable();
    assertThat(ROOT.resolve("docker/scripts/restore.sh")).isExecutable();
    assertThat(String.valueOf(services(services, "respaldo").get("entrypoint"))).contains("/scripts/backup.sh");
  }

  /**
   * Variables the platform reads: placeholders in application*.yml, and the environment form of
   * every property documented in docs/configuration.md (Spring's relaxed binding:
   * {@code platform.public-url} ↔ {@code PLATFORM_PUBLICURL}, list index n ↔ {@code _N_}).
   */
  private static List<String> knownVariables() throws IOException {
    List<String> known = new ArrayList<>();
    try (Stream<Path> files = Files.list(ROOT.resolve("src/main/resources"))) {
      for (Path yml : files.filter(p -> p.getFileName().toString().startsWith("application")).toList()) {
        Matcher m = Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(Files.readString(yml));
        while (m.find()) {
          known.add(m.group(1));
        }
      }
    }
    Matcher properties = Pattern.compile("`([a-z][a-z0-9.\\-\\[\\]]+)`").matcher(read("docs/configuration.md"));
    while (properties.find()) {
      known.add(properties.group(1).replace("[n]", "_0_").replace("-", "").replace('.', '_').replace("__", "_")
          .toUpperCase());
    }
    return known;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> services() throws IOException {
    Map<String, Object> compose = new Yaml().load(read("docker/compose.yml"));
    return (Map<String, Object>) compose.get("services");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> services(Map<String, Object> services, String name) {
    Map<String, Object> service = (Map<String, Object>) services.get(name);
    assertThat(service).as("servicio %s en compose.yml", name).isNotNull();
    return service;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> env(Map<String, Object> services, String name) {
    return (Map<String, Object>) services(services, name).get("environment");
  }

  private static String group(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("no se encontró %s", regex).isTrue();
    return m.group(1);
  }

  private static String read(String path) throws IOException {
    return Files.readString(ROOT.resolve(path));
  }
}
