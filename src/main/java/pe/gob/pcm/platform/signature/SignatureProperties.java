package pe.gob.pcm.platform.signature;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code platform.signature.*}: the trust store of the signature verifier (docs/configuration.md). */
@ConfigurationProperties(prefix = "platform.signature")
public record SignatureProperties(String trustStore, String trustStorePassword) {}
