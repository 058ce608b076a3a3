package pe.gob.pcm.platform.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** {@code platform.documents.*}: the largest file a process accepts (docs/configuration.md). */
@ConfigurationProperties(prefix = "platform.documents")
public record DocumentProperties(@DefaultValue("20MB") DataSize maxSize) {

  public long maxBytes() {
    return maxSize.toBytes();
  }
}
