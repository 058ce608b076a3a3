package pe.gob.pcm.platform.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole platform on a real web server (random port), one cached context for every test
 * class: demo data, a test PKI trusted by the signature verifier, H2 or PostgreSQL. Metrics are
 * exported as in production (Spring Boot tests switch that off unless asked), so that
 * /actuator/prometheus exists.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@ContextConfiguration(initializers = TestPki.Initializer.class)
@AutoConfigureObservability(tracing = false)
public @interface PlatformTest {}
