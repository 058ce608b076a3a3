package pe.gob.pcm.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import pe.gob.pcm.platform.support.Actors;
import pe.gob.pcm.platform.support.MasterUsers;
import pe.gob.pcm.platform.support.PlatformTest;

/**
 * The municipality's master user, logged into Tasklist, opens «Personas de la entidad» and
 * creates a colleague for Mesa de Partes, who then appears in the list with that role.
 */
@PlatformTest
class PeopleJourneyIT {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = new Browser(port);
  }

  @AfterEach
  void closeBrowser(org.junit.jupiter.api.TestInfo test) {
    browser.screenshot("ultimo-" + test.getTestMethod().orElseThrow().getName());
    browser.close();
  }

  @Test
  void masterUserCreatesAColleagueWhoThenAppearsInTheList() {
    String master = MasterUsers.ensure(identity, Actors.MUNI_RUC);
    String colleague = "lmendoza." + Long.toString(System.nanoTime(), 36);
    browser.login("tasklist", master);
    browser.open("/entidad/personas.html");
    browser.waitForText("Municipalidad Distrital de Ejemplo");
    browser.waitForText("Página 1 de");

    browser.driver().findElement(By.id("usuario")).sendKeys(colleague);
    browser.driver().findElement(By.id("nombres")).sendKeys("Lucía");
    browser.driver().findElement(By.id("apellidos")).sendKeys("Mendoza Ríos");
    browser.driver().findElement(By.id("correo")).sendKeys("lmendoza@muniejemplo.gob.pe");
    WebElement mesaPartes = browser.driver().findElement(By.cssSelector("#roles input[value='mesa-partes']"));
    browser.scrollTo(mesaPartes);
    mesaPartes.click();
    browser.driver().findElement(By.id("crearUsuario")).click();

    WebElement notice = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#aviso.ok")));
    assertThat(notice.getText()).contains("Se creó el usuario «" + colleague + "»");
    WebElement row = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#personas tr[data-usuario='" + colleague + "']")));
    assertThat(row.getText()).contains("Lucía Mendoza Ríos", "lmendoza@muniejemplo.gob.pe", "Mesa de Partes", "Activo");
    browser.screenshot("personas");

    // the same person deactivated (after confirming) and reactivated from the list
    row.findElement(By.cssSelector("button.desactivar")).click();
    browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
    browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("#personas tr[data-usuario='" + colleague + "'].inactivo"), "Desactivado"));
    assertThat(identity.createUserQuery().userId(colleague).memberOfGroup("mesa-partes").count()).isZero();
    browser.driver().findElement(By.cssSelector("#personas tr[data-usuario='" + colleague + "'] button.reactivar")).click();
    browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
        By.cssSelector("#personas tr[data-usuario='" + colleague + "']:not(.inactivo)"), "Activo"));
    assertThat(browser.driver().findElement(By.id("aviso")).getText()).contains("recuperó sus roles");
    assertThat(identity.createUserQuery().userId(colleague).memberOfGroup("mesa-partes").count()).isEqualTo(1);

    assertThat(identity.createUserQuery().userId(colleague).memberOfTenant(Actors.MUNI_RUC)
        .memberOfGroup("mesa-partes").count()).isEqualTo(1);
  }
}
