package pe.gob.pcm.platform.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The packaged platform as a child process ({@code target/plataforma.jar}, built by
 * {@code package} before failsafe runs; without it, the test JVM's own class path), on a given
 * port and database, demo profile, job executor on. Started, waited for until
 * {@code /actuator/health} says UP, then killed (SIGKILL) or stopped (SIGTERM, Spring's graceful
 * shutdown) like an operator or the OOM killer would. Its output goes to
 * {@code target/faults/<name>/node.log}.
 */
public final class PlatformNode implements AutoCloseable {

  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    // a test JVM that dies must not leave platforms running
    Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
  }

  private final String name;
  private final int port;
  private final NodeDatabase database;
  private final Path dir;
  private final Map<String, String> properties = new LinkedHashMap<>();
  private Process process;
  /** Seconds from launch to ready, of each start. */
  private final List<Double> startSeconds = new ArrayList<>();

  public PlatformNode(String name, int port, NodeDatabase database) {
    this.name = name;
    this.port = port;
    this.database = database;
    this.dir = Path.of("target", "faults", name).toAbsolutePath();
    try {
      Files.deleteIfExists(dir.resolve("node.log")); // one test's starts only
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Spring property for every start ({@code --key=value}). */
  public PlatformNode with(String key, Object value) {
    properties.put(key, String.valueOf(value));
    return this;
  }

  public synchronized PlatformNode start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " ya está en marcha");
    }
    requireFree(port);
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8",
        // quicker to start on a busy 2-core machine; these tests measure correctness, not speed
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    Path jar = Path.of("target", "plataforma.jar").toAbsolutePath();
    if (Files.isRegularFile(jar)) {
      command.addAll(List.of("-jar", jar.toString()));
    } else {
      command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path",
          System.getProperty("java.class.path")), "pe.gob.pcm.platform.PlatformApplication"));
    }
    command.add("--server.port=" + port);
    command.add("--spring.profiles.active=" + (database.postgres() ? "demo,postgres" : "demo"));
    Path dataDir = database.postgres() ? dir.resolve("data") : database.h2DataDir();
    command.add("--platform.data-dir=" + dataDir);
    command.add("--camunda.bpm.job-execution.enabled=true");
    properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    try {
      Files.createDirectories(dir);
      Path log = dir.resolve("node.log");
      Files.writeString(log, "\n==== " + Instant.now() + " start " + String.join(" ", command) + "\n",
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().put("PLATFORM_DB_URL", database.url());
      builder.environment().put("PLATFORM_DB_USER", database.user());
      builder.environment().put("PLATFORM_DB_PASSWORD", database.password());
      long launched = System.nanoTime();
      process = builder.start();
      RUNNING.add(process);
      awaitReady(Duration.ofMinutes(4));
      startSeconds.add((System.nanoTime() - launched) / 1e9);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** SIGKILL: no shutdown hook, no commit, no goodbye. */
  public synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      waitGone(Duration.ofSeconds(30));
    }
  }

  /** SIGTERM: Spring's shutdown (web server, job executor, pool), waited for. */
  public synchronized void stop() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      waitGone(Duration.ofSeconds(30));
    }
  }

  public boolean alive() {
    return process != null && process.isAlive();
  }

  public int port() {
    return port;
  }

  public String base() {
    return "http://127.0.0.1:" + port;
  }

  public String name() {
    return name;
  }

  public List<Double> startSeconds() {
    return startSeconds;
  }

  /** The last lines of the node's log, for a failure message. */
  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(dir.resolve("node.log"), StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(sin registro: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    kill();
  }

  private void awaitReady(Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " terminó al arrancar (código " + process.exitValue()
            + "):\n" + logTail(60));
      }
      try {
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
          return;
        }
      } catch (ConnectException notYet) {
        // not listening yet
      } catch (IOException notYet) {
        // starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(500);
    }
    process.destroyForcibly();
    throw new IllegalStateException(name + " no estuvo listo en " + timeout + ":\n" + logTail(60));
  }

  private void waitGone(Duration timeout) {
    try {
      process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    RUNNING.remove(process);
    // the port is free once the kernel lets it go
    Instant deadline = Instant.now().plus(timeout);
    while (!free(port) && Instant.now().isBefore(deadline)) {
      sleep(200);
    }
  }

  private static void requireFree(int port) {
    if (!free(port)) {
      throw new IllegalStateException("El puerto " + port + " está ocupado");
    }
  }

  static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
