package pe.gob.pcm.platform.support;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * A bare Camunda engine (in-memory H2, full history, no job executor, no Spring) for unit tests
 * of one model: every {@code ${bean}} of the model is resolved from {@link Mocks} (the
 * {@link MockExpressionManager}), so each test replaces the delegates, listeners and expression
 * beans at the bean level and the model under test is the deployed file itself. One engine per
 * test JVM, named apart from the platform's ("default"), on its own database.
 */
public final class MockedBeansEngine {

  public static final String NAME = "mocked-beans";

  private static ProcessEngine engine;

  private MockedBeansEngine() {}

  public static synchronized ProcessEngine engine() {
    if (engine == null) {
      StandaloneInMemProcessEngineConfiguration config = new StandaloneInMemProcessEngineConfiguration();
      config.setProcessEngineName(NAME);
      config.setJdbcUrl("jdbc:h2:mem:" + NAME + ";DB_CLOSE_DELAY=1000");
      config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
      config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
      config.setJobExecutorActivate(false);
      config.setExpressionManager(new MockExpressionManager());
      engine = config.buildProcessEngine();
    }
    return engine;
  }

  /** The JUnit 5 extension (deployments of {@code @Deployment}) on that engine. */
  public static ProcessEngineExtension extension() {
    return ProcessEngineExtension.builder().useProcessEngine(engine()).build();
  }

  /** What a delegate does in a test; may throw, as a real one may. */
  @FunctionalInterface
  public interface Behaviour {
    void run(DelegateExecution execution) throws Exception;
  }

  /**
   * The beans of one test: each mock registered under its bean name records
   * {@code bean@activity} when the engine calls it, so a test sees which element called which
   * bean, in which order.
   */
  public static final class Beans {

    private final List<String> calls = new ArrayList<>();

    public Beans() {
      Mocks.reset();
    }

    public JavaDelegate delegate(String bean) {
      return delegate(bean, execution -> {});
    }

    public JavaDelegate delegate(String bean, Behaviour behaviour) {
      JavaDelegate delegate = mock(JavaDelegate.class, bean);
      try {
        doAnswer(invocation -> {
          DelegateExecution execution = invocation.getArgument(0);
          record(bean, execution.getCurrentActivityId());
          behaviour.run(execution);
          return null;
        }).when(delegate).execute(any());
      } catch (Exception impossible) {
        throw new IllegalStateException(impossible);
      }
      return register(bean, delegate);
    }

    public <T> T register(String bean, T value) {
      Mocks.register(bean, value);
      return value;
    }

    public void record(String bean, String activityId) {
      calls.add(bean + "@" + activityId);
    }

    /** {@code bean@activity} of every call so far, in order. */
    public List<String> calls() {
      return List.copyOf(calls);
    }

    public void reset() {
      Mocks.reset();
    }
  }
}
