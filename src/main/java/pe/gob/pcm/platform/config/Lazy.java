package pe.gob.pcm.platform.config;

import java.util.function.Supplier;

/**
 * A value made on first use instead of with its bean, once, thread-safe. For what is costly to
 * make and not needed to start: an {@code HttpClient} (building one initialises the JVM's TLS
 * context, some 300 classes and key material), the demo CA's private key (two PBKDF2
 * derivations). Each was a fixed cost of every start (docs/performance.md, «Arranque»).
 */
public final class Lazy<T> implements Supplier<T> {

  private final Supplier<? extends T> factory;
  private volatile T value;

  public Lazy(Supplier<? extends T> factory) {
    this.factory = factory;
  }

  @Override
  public T get() {
    T made = value;
    if (made == null) {
      synchronized (this) {
        made = value;
        if (made == null) {
          made = factory.get();
          value = made;
        }
      }
    }
    return made;
  }
}
