package pe.gob.pcm.platform.privacy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;

/**
 * Wraps an appender's encoder (plain pattern or Spring Boot's structured JSON) and masks
 * personal data in what it wrote: message, MDC values, stack traces alike. Bytes are read as
 * ISO-8859-1, one char per byte, so any ASCII-compatible charset (UTF-8) passes through intact.
 */
public class MaskingEncoder extends EncoderBase<ILoggingEvent> {

  private final Encoder<ILoggingEvent> delegate;

  public MaskingEncoder(Encoder<ILoggingEvent> delegate) {
    this.delegate = delegate;
  }

  public Encoder<ILoggingEvent> delegate() {
    return delegate;
  }

  @Override
  public byte[] headerBytes() {
    return delegate.headerBytes();
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    byte[] encoded = delegate.encode(event);
    if (encoded == null || encoded.length == 0) {
      return encoded;
    }
    String text = new String(encoded, StandardCharsets.ISO_8859_1);
    String masked = LogMasking.mask(text);
    return masked.equals(text) ? encoded : masked.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Override
  public byte[] footerBytes() {
    return delegate.footerBytes();
  }

  @Override
  public void start() {
    if (!delegate.isStarted()) {
      delegate.start();
    }
    super.start();
  }

  @Override
  public void stop() {
    delegate.stop();
    super.stop();
  }
}
