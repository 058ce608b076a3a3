package pe.gob.pcm.platform.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import pe.gob.pcm.platform.support.TestProfiles;

/**
 * What a fault test measured, printed and appended to {@code target/faults/figures.txt}
 * (docs/reliability.md quotes them).
 */
final class Figures {

  private final String test;
  private final Map<String, Object> values = new LinkedHashMap<>();

  Figures(String test) {
    this.test = test;
  }

  Figures put(String name, Object value) {
    values.put(name, value);
    return this;
  }

  void report() {
    StringBuilder line = new StringBuilder(Instant.now() + " " + test + " ["
        + (TestProfiles.onPostgres() ? "PostgreSQL" : "H2") + "]");
    values.forEach((name, value) -> line.append(' ').append(name).append('=').append(value));
    System.out.println(line);
    try {
      Path file = Path.of("target", "faults", "figures.txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
