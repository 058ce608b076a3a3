package pe.gob.pcm.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static pe.gob.pcm.platform.journeys.Browser.tasklist;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import pe.gob.pcm.platform.support.PlatformTest;

/**
 * Tasklist's own chrome in Spanish (the platform's locales/es.json): the login page, the header,
 * «Iniciar proceso», the start dialog, the task's tabs and buttons, for a browser that asks for
 * Peruvian Spanish as the platform's users do, and for one that asks for a language the webapps
 * do not have. A browser whose first language is English still gets Camunda's English
 * (docs/configuration.md, «Idioma de las aplicaciones web»).
 */
@PlatformTest
class SpanishWebappsJourneyIT {

  static final Map<String, String> ENGLISH = Browser.labels("tasklist", "en");

  @LocalServerPort int port;

  @Test
  void aPeruvianBrowserSeesTasklistInSpanish() {
    try (Browser browser = new Browser(port, "es-PE,es")) {
      loginPageIn(browser, tasklist("PAGE_LOGIN_USERNAME"), tasklist("PAGE_LOGIN_PASSWORD"),
          tasklist("PAGE_LOGIN_SIGN_IN_ACTION"));
      assertThat(tasklist("PAGE_LOGIN_SIGN_IN_ACTION")).isEqualTo("Iniciar sesión");
      browser.screenshot("tasklist-es-ingreso");

      browser.login("tasklist", "muni.mesapartes");
      browser.openTasklist();
      browser.waitForText(tasklist("START_PROCESS"));
      assertThat(tasklist("START_PROCESS")).isEqualTo("Iniciar proceso");
      assertThat(browser.pageText()).contains(tasklist("CAM_WIDGET_FOOTER_TIMEZONE"))
          .doesNotContain(ENGLISH.get("START_PROCESS"), ENGLISH.get("CAM_WIDGET_FOOTER_TIMEZONE"));
      // the account menu: "Cerrar sesión" (hidden until opened, so read from the page itself)
      assertThat(browser.driver().getPageSource()).contains(tasklist("CAM_WIDGET_HEADER_SIGN_OUT"));

      // the start dialog and its buttons, in Spanish
      browser.openStartForm("Mesa de Partes Virtual: enviar documento");
      WebElement title = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector(".modal .modal-title")));
      assertThat(title.getText()).startsWith(tasklist("START_PROCESS") + ":");
      assertThat(browser.driver().findElements(By.cssSelector(".modal-footer button")))
          .extracting(b -> b.getText().trim()).contains(tasklist("BACK"), tasklist("CLOSE"), tasklist("START"));
      browser.choose("destinationCategory", "Poder Ejecutivo");
      browser.start();
      browser.started();
      browser.waitForNotification(tasklist("PROCESS_START_OK"));

      // the task: its tabs and the form's buttons
      browser.openTask("Mis tareas", "Preparar el documento a enviar");
      browser.waitForForm();
      String task = browser.driver().findElement(By.cssSelector(".task-details")).getText();
      assertThat(task).contains(tasklist("FORM"), tasklist("HISTORY"), tasklist("DIAGRAM"), tasklist("DESCRIPTION"),
          tasklist("COMPLETE"), tasklist("SAVE"));
      assertThat(task).doesNotContain(ENGLISH.get("COMPLETE"), ENGLISH.get("HISTORY"));
      browser.screenshot("tasklist-es");
    }
  }

  @Test
  void aBrowserInALanguageTheWebappsLackGetsSpanish() {
    try (Browser browser = new Browser(port, "fr-FR,fr")) {
      loginPageIn(browser, tasklist("PAGE_LOGIN_USERNAME"), tasklist("PAGE_LOGIN_PASSWORD"),
          tasklist("PAGE_LOGIN_SIGN_IN_ACTION"));
    }
  }

  @Test
  void aBrowserWhoseFirstLanguageIsEnglishGetsCamundasEnglish() {
    try (Browser browser = new Browser(port, "en-US,en,es")) {
      loginPageIn(browser, ENGLISH.get("PAGE_LOGIN_USERNAME"), ENGLISH.get("PAGE_LOGIN_PASSWORD"),
          ENGLISH.get("PAGE_LOGIN_SIGN_IN_ACTION"));
      browser.screenshot("tasklist-en-ingreso");
    }
  }

  /** Opens Tasklist's login page and checks its two boxes and its button read as given. */
  private static void loginPageIn(Browser browser, String username, String password, String signIn) {
    browser.driver().manage().deleteAllCookies();
    browser.open("/camunda/app/tasklist/default/");
    WebElement user = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("input[ng-model=username]")));
    // the placeholders are filled once the locale file has loaded
    browser.waiting().until(d -> username.equals(user.getAttribute("placeholder")));
    assertThat(browser.driver().findElement(By.cssSelector("input[type=password]")).getAttribute("placeholder"))
        .isEqualTo(password);
    assertThat(browser.driver().findElement(By.cssSelector("button[type=submit]")).getText().trim()).isEqualTo(signIn);
  }
}
