package bench.baseline;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bare-stack baseline of the intake benchmark: a plain Camunda Spring Boot app whose unit of
 * work is a process start plus a MyBatis insert of the PDF, in one transaction. No SOAP, no
 * validation, no authorization, no tenants.
 */
@SpringBootApplication
public class BaselineApplication {

  /** {@code -Dplatform.startup.jfr=true}: startup steps as JFR events, as in the platform. */
  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(BaselineApplication.class);
    if (Boolean.getBoolean("platform.startup.jfr")) {
      app.setApplicationStartup(new org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup());
    }
    app.run(args);
  }

  @Mapper
  public interface DocumentMapper {
    @Insert("INSERT INTO bench_document (id, file_name, size_bytes, content, process_instance_id, created_at)"
        + " VALUES (#{id}, #{name}, #{size}, #{content}, #{pid}, #{at})")
    void insert(@Param("id") String id, @Param("name") String name, @Param("size") long size,
        @Param("content") byte[] content, @Param("pid") String processInstanceId,
        @Param("at") LocalDateTime at);
  }

  @Service
  public static class Intake {
    private final RuntimeService runtime;
    private final DocumentMapper mapper;

    public Intake(RuntimeService runtime, DocumentMapper mapper) {
      this.runtime = runtime;
      this.mapper = mapper;
    }

    @Transactional
    public String receive(String name, byte[] pdf) {
      String id = UUID.randomUUID().toString();
      String pid = runtime.startProcessInstanceByKey("bench-intake", id, Map.of("documentId", id)).getId();
      mapper.insert(id, name, pdf.length, pdf, pid, LocalDateTime.now());
      return id;
    }
  }

  @RestController
  public static class IntakeController {
    private final Intake intake;

    public IntakeController(Intake intake) {
      this.intake = intake;
    }

    @PostMapping(path = "/intake", consumes = MediaType.APPLICATION_PDF_VALUE)
    public String intake(@RequestHeader(name = "X-File-Name", defaultValue = "documento.pdf") String name,
        @RequestBody byte[] pdf) {
      return intake.receive(name, pdf);
    }
  }
}
