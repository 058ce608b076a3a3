package pe.gob.pcm.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import pe.gob.pcm.platform.colabora.ColaboraProcess;
import pe.gob.pcm.platform.support.PlatformTest;

@PlatformTest
class ProcessDeployerTest {

  @Autowired ProcessDeployer deployer;
  @Autowired RepositoryService repository;

  @Test
  void namesAreTheSameFromTheBuildFolderAndFromTheFatJar() {
    assertThat(ProcessDeployer.stableName(
        "file:/home/ana/plataforma/target/classes/processes/colabora/colabora-usuario-maestro.bpmn"))
        .isEqualTo("processes/colabora/colabora-usuario-maestro.bpmn");
    assertThat(ProcessDeployer.stableName(
        "jar:nested:/opt/plataforma/plataforma.jar/!BOOT-INF/classes/!/processes/colabora/colabora-usuario-maestro.bpmn"))
        .isEqualTo("processes/colabora/colabora-usuario-maestro.bpmn");
    assertThat(ProcessDeployer.stableName(
        "jar:file:/opt/processes/plataforma.jar!/forms/colabora/colabora-solicitud.form"))
        .isEqualTo("forms/colabora/colabora-solicitud.form");
  }

  @Test
  void deploysModelsAndFormsTogetherUnderStableNames() {
    String deploymentId = repository.createProcessDefinitionQuery()
        .processDefinitionKey(ColaboraProcess.KEY).latestVersion().singleResult().getDeploymentId();

    assertThat(repository.getDeploymentResourceNames(deploymentId)).contains(
        "processes/colabora/colabora-usuario-maestro.bpmn",
        "processes/colabora/colabora-elegibilidad.dmn",
        "forms/colabora/colabora-solicitud.form",
        "forms/colabora/colabora-revisar-solicitud.form");
  }

  @Test
  void redeployingUnchangedModelsCreatesNoNewVersion() {
    long deployments = repository.createDeploymentQuery().deploymentName(ProcessDeployer.DEPLOYMENT_NAME).count();
    int version = repository.createProcessDefinitionQuery().processDefinitionKey(ColaboraProcess.KEY)
        .latestVersion().singleResult().getVersion();

    assertThat(deployer.deploy()).isNull();

    assertThat(repository.createDeploymentQuery().deploymentName(ProcessDeployer.DEPLOYMENT_NAME).count())
        .isEqualTo(deployments);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(ColaboraProcess.KEY)
        .latestVersion().singleResult().getVersion()).isEqualTo(version);
  }
}
