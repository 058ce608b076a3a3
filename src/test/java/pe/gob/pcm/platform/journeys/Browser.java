package pe.gob.pcm.platform.journeys;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's chromium and chromium-driver) driven over WebDriver, with the few
 * gestures a person makes in Tasklist and Cockpit: log in, start a process from «Iniciar proceso»,
 * fill a Camunda Form, open, claim and complete a task, read the notification shown.
 *
 * <p>Camunda Forms render each field with an id ending in {@code -Field_<key>} (the forms in
 * {@code forms/} name their fields so), which is how fields are found here.
 *
 * <p>The browser asks for Peruvian Spanish, as the platform's users do, so Tasklist shows the
 * labels of the platform's {@code locales/es.json}: buttons are found by those labels
 * ({@link #tasklist(String)}), never by hard-coded English.
 */
final class Browser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "journeys");
  static final String CHROMIUM = System.getProperty("journeys.chromium", "/usr/bin/chromium");
  static final String DRIVER = System.getProperty("journeys.chromedriver", "/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final String base;
  private final WebDriver driver;
  private final WebDriverWait wait;
  /** What the test typed in each field of the form it is filling, to type again if Tasklist loses it. */
  private final Map<String, String> typed = new HashMap<>();

  /** Tasklist's Spanish labels (the platform's es.json), by key. */
  private static final Map<String, String> TASKLIST = labels("tasklist", "es");

  Browser(int port) {
    this(port, "es-PE");
  }

  /** A browser whose language (Accept-Language, navigator.languages) is the one given first. */
  Browser(int port, String languages) {
    this.base = "http://localhost:" + port;
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
    // This machine's network is closed: without the background-networking flags Chromium keeps
    // trying to reach Google's hosts.
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=1400,1000", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--lang=" + languages.split(",")[0]);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
    this.driver = new ChromeDriver(service, options);
    this.wait = new WebDriverWait(driver, WAIT);
  }

  /** The label Tasklist shows in Spanish for its translation key (e.g. START_PROCESS). */
  static String tasklist(String key) {
    String label = TASKLIST.get(key);
    if (label == null) {
      throw new AssertionError("es.json de Tasklist no tiene la clave " + key);
    }
    return label;
  }

  /** The labels of a webapp's locale file on the classpath (the platform's or Camunda's). */
  static Map<String, String> labels(String app, String language) {
    String resource = "META-INF/resources/webjars/camunda/app/" + app + "/locales/" + language + ".json";
    try (java.io.InputStream in = Browser.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError("No está en el classpath: " + resource);
      }
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      com.fasterxml.jackson.databind.JsonNode labels = new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(text.startsWith("\uFEFF") ? text.substring(1) : text).path("labels");
      Map<String, String> found = new HashMap<>();
      for (Iterator<String> keys = labels.fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        found.put(key, labels.path(key).asText());
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether a notification says Tasklist's start or completion was refused. */
  private boolean refused() {
    String shown = notifications();
    return shown.contains(tasklist("PROCESS_START_ERROR")) || shown.contains(tasklist("COMPLETE_ERROR"))
        || shown.contains("could not");
  }

  String url(String path) {
    return base + path;
  }

  void open(String path) {
    driver.get(url(path));
  }

  /**
   * Opens Tasklist and waits for its filters. Tasklist has been seen, now and then, to stay on its
   * loading spinner after a fresh login (its AngularJS app never bootstrapped): a user presses
   * reload, and so does this, once, printing what the page had loaded so the cause can be traced.
   */
  void openTasklist() {
    open("/camunda/app/tasklist/default/");
    By filters = By.cssSelector(".task-filters .task-filter a");
    try {
      new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(filters));
    } catch (TimeoutException stuck) {
      Object loaded = ((JavascriptExecutor) driver).executeScript("return document.readyState + ', angular '"
          + " + (typeof window.angular) + ', últimos recursos: ' + performance.getEntriesByType('resource').slice(-12)"
          + ".map(e => e.name.replace(location.origin, '') + ' ' + Math.round(e.duration) + ' ms').join(', ')");
      System.out.println("Tasklist no cargó en 20 s (" + driver.getCurrentUrl() + "; " + loaded
          + "); se recarga la página una vez");
      driver.navigate().refresh();
      wait.until(ExpectedConditions.visibilityOfElementLocated(filters));
    }
  }

  /** Logs into a Camunda webapp (tasklist, cockpit, admin) as the user, whose password is demo. */
  void login(String app, String user) {
    driver.manage().deleteAllCookies();
    open("/camunda/app/" + app + "/default/");
    WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
    name.sendKeys(user);
    driver.findElement(By.cssSelector("input[type=password]")).sendKeys("demo");
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
  }

  // --- Tasklist --------------------------------------------------------------------------------

  /** «Iniciar proceso», then the process by its name; waits for its start form. */
  void openStartForm(String processName) {
    clickText("a", tasklist("START_PROCESS"));
    WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".modal input[ng-model='page.searchValue']")));
    search.sendKeys(processName);
    wait.until(d -> {
      for (WebElement link : d.findElements(By.cssSelector(".modal ul.processes a"))) {
        if (link.getText().trim().equals(processName)) {
          link.click();
          return true;
        }
      }
      return false;
    });
    waitForForm();
  }

  /** Clicks the modal's Start button (use {@link #started()} or a notification to see what came of it). */
  void start() {
    letTypingSettle();
    dismissNotifications();
    clickText(".modal-footer button", tasklist("START"));
  }

  /**
   * form-js applies what is typed in a text field after a 300 ms pause (debounce) and shows no sign
   * of it: a click on Start or Complete right after typing would submit the field empty.
   */
  private void letTypingSettle() {
    ((JavascriptExecutor) driver).executeScript("if (document.activeElement) document.activeElement.blur();");
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Closes the notifications shown, as a user does before trying again. */
  void dismissNotifications() {
    for (WebElement close : driver.findElements(By.cssSelector(".notifications .alert button.close"))) {
      if (close.isDisplayed()) {
        close.click();
      }
    }
    wait.until(d -> notifications().isEmpty());
  }

  /** Waits until the start dialog closes, which Tasklist does once the instance is started. */
  void started() {
    settled(".modal .fjs-form", () -> clickText(".modal-footer button", tasklist("START")));
  }

  /** Clicks Complete and waits until Tasklist lets go of the task, failing with any refusal shown. */
  void completed() {
    complete();
    settled(".task-details .fjs-form", () -> clickText(".task-details button", tasklist("COMPLETE")));
  }

  /**
   * Waits for the form to close. When the only errors shown are "required" on fields whose box does
   * hold the typed text, form-js had not yet applied it when the button was clicked (its debounce
   * timer ran late on a loaded machine): the text is there, so click once more, as a user would.
   */
  private void settled(String formCss, Runnable clickAgain) {
    try {
      wait.until(d -> d.findElements(By.cssSelector(formCss)).isEmpty() || refused() || !fieldErrors().isEmpty());
    } catch (TimeoutException e) {
      // reported below
    }
    if (!fieldErrors().isEmpty() && typedButNotApplied()) {
      // Tasklist may also re-render the form before the debounce ran, emptying the last box typed
      // in: type what the test typed there again, then click once more
      for (String key : unappliedKeys()) {
        fill(key, typed.get(key));
      }
      letTypingSettle();
      clickAgain.run();
    }
    try {
      wait.until(d -> d.findElements(By.cssSelector(formCss)).isEmpty() || refused());
    } catch (TimeoutException e) {
      throw new AssertionError("El formulario sigue abierto; avisos: «" + notifications()
          + "»; validación: «" + fieldErrors() + "»", e);
    }
    if (!d().findElements(By.cssSelector(formCss)).isEmpty()) {
      throw new AssertionError("La plataforma rechazó el formulario: " + notifications());
    }
  }

  private WebDriver d() {
    return driver;
  }

  /** Opens a Tasklist filter (Mis tareas, Tareas de mis grupos…) and the task with that name. */
  void openTask(String filter, String taskName) {
    openTasklist();
    clickText(".task-filters .task-filter a", filter);
    wait.until(d -> {
      for (WebElement link : d.findElements(By.cssSelector(".tasks-list .task a.ng-binding, .tasks-list h4 a"))) {
        if (link.getText().trim().equals(taskName)) {
          link.click();
          return true;
        }
      }
      d.findElements(By.cssSelector(".task-filters .task-filter a")).stream().filter(a -> a.getText().contains(filter))
          .findFirst().ifPresent(WebElement::click);
      return false;
    });
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-details h2, .task-details .names")));
  }

  /** Opens a task by its id, as a link to it would, and waits for its form. */
  void openTaskById(String taskId, String taskName) {
    open("/camunda/app/tasklist/default/#/?task=" + taskId);
    wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElements(By.cssSelector(".task-details h2"))
        .stream().anyMatch(h -> h.getText().trim().equals(taskName)));
    waitForForm();
  }

  /** Names of the tasks listed under a filter. */
  List<String> tasksIn(String filter) {
    openTasklist();
    clickText(".task-filters .task-filter a", filter);
    try {
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tasks-list .task")));
    } catch (TimeoutException none) {
      return List.of();
    }
    return driver.findElements(By.cssSelector(".tasks-list .task h4 a")).stream()
        .map(e -> e.getText().trim()).collect(Collectors.toList());
  }

  /** Claims the open task when it is not assigned yet; waits for its form. */
  void claim() {
    List<WebElement> claim = driver.findElements(By.cssSelector("button.claim, a.claim"));
    if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
      claim.get(0).click();
    } else {
      clickText(".task-details button, .task-details a", tasklist("CLAIM_TASK"));
    }
    waitForForm();
  }

  /** Clicks the task form's Complete button. */
  void complete() {
    letTypingSettle();
    dismissNotifications();
    clickText(".task-details button", tasklist("COMPLETE"));
  }

  /** Waits until a Camunda Form is shown (or Tasklist's own "Form failure" message). */
  void waitForForm() {
    wait.ignoring(StaleElementReferenceException.class).until(d -> !d.findElements(By.cssSelector(".fjs-form .fjs-form-field")).isEmpty()
        || !formFailure().isEmpty());
  }

  /** Tasklist's "Form failure" message, empty when the form rendered. */
  String formFailure() {
    for (WebElement alert : driver.findElements(By.cssSelector("[cam-tasklist-form] .alert-danger"))) {
      if (alert.isDisplayed()) {
        return alert.getText().trim();
      }
    }
    return "";
  }

  WebElement field(String key) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$='-Field_" + key + "']")));
  }

  /** Types the value into the field (Tasklist may re-render the form: then it tries again). */
  void fill(String key, String value) {
    typed.put(key, value);
    wait.ignoring(StaleElementReferenceException.class).until(d -> {
      WebElement input = field(key);
      scrollTo(input);
      input.clear();
      input.sendKeys(value);
      return value.equals(input.getAttribute("value"));
    });
  }

  /** Picks a radio option by its visible label (or, failing that, the one label containing it). */
  void choose(String key, String label) {
    field(key + "-0");
    List<WebElement> options = driver.findElements(By.cssSelector("label[for*='-Field_" + key + "-']"));
    List<WebElement> exact = options.stream().filter(o -> o.getText().trim().equals(label)).toList();
    List<WebElement> partial = options.stream()
        .filter(o -> o.getText().toLowerCase().contains(label.toLowerCase())).toList();
    List<WebElement> matching = exact.isEmpty() ? partial : exact;
    if (matching.size() != 1) {
      throw new AssertionError("No hay una sola opción «" + label + "» en el campo " + key + ": "
          + options.stream().map(WebElement::getText).toList());
    }
    WebElement option = matching.get(0);
    WebElement input = option.findElement(By.tagName("input"));
    scrollTo(option);
    try {
      option.click();
    } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
      // Tasklist's fixed footer covers the option: bring it to the top of the view first.
      ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'});", option);
      option.click();
    }
    wait.until(d -> input.isSelected());
  }

  /** Picks the option of a form-js select (a dropdown, not a native select) whose label contains the text. */
  void select(String key, String label) {
    // Tasklist may re-render (and scroll) a long form just after a claim, leaving the box under its
    // fixed footer: scroll to it again until the click lands.
    wait.ignoring(StaleElementReferenceException.class).until(d -> {
      WebElement display = field(key + "-display");
      scrollTo(display);
      try {
        display.click();
        return true;
      } catch (org.openqa.selenium.ElementClickInterceptedException covered) {
        return false;
      }
    });
    wait.until(d -> {
      for (WebElement option : d.findElements(By.cssSelector(".fjs-dropdownlist-item"))) {
        if (option.getText().toLowerCase().contains(label.toLowerCase())) {
          new org.openqa.selenium.interactions.Actions(d).moveToElement(option).click().perform();
          return true;
        }
      }
      return false;
    });
  }

  /** The texts of the visible notifications (success or error) in the page or the modal. */
  String notifications() {
    return driver.findElements(By.cssSelector(".notifications .alert")).stream()
        .filter(WebElement::isDisplayed).map(e -> e.getText().trim()).collect(Collectors.joining("\n"));
  }

  /** Waits for a notification containing the text and returns every notification shown. */
  String waitForNotification(String text) {
    try {
      wait.ignoring(StaleElementReferenceException.class).until(d -> notifications().contains(text));
      driver.findElements(By.cssSelector(".notifications .alert")).stream().filter(WebElement::isDisplayed)
          .findFirst().ifPresent(this::scrollTo);
    } catch (TimeoutException e) {
      throw new AssertionError("No apareció el aviso «" + text + "»; avisos: «" + notifications()
          + "»; validación del formulario: «" + fieldErrors() + "»", e);
    }
    return notifications();
  }

  private boolean typedButNotApplied() {
    List<WebElement> failing = driver.findElements(By.cssSelector(".fjs-form-field.fjs-has-errors")).stream()
        .filter(WebElement::isDisplayed).toList();
    return !failing.isEmpty() && failing.stream().allMatch(field -> field.getText().contains("required"))
        && unappliedKeys().size() == failing.size();
  }

  /** Keys of the fields shown as required that this test did type a value into. */
  private List<String> unappliedKeys() {
    return driver.findElements(By.cssSelector(".fjs-form-field.fjs-has-errors input, .fjs-form-field.fjs-has-errors textarea"))
        .stream().map(box -> box.getAttribute("id")).filter(id -> id != null && id.contains("-Field_"))
        .map(id -> id.substring(id.indexOf("-Field_") + "-Field_".length()))
        .filter(key -> typed.get(key) != null && !typed.get(key).isEmpty()).distinct().toList();
  }

  /** The form-js field errors shown under the fields. */
  String fieldErrors() {
    return driver.findElements(By.cssSelector(".fjs-form-field.fjs-has-errors")).stream()
        .filter(WebElement::isDisplayed).map(e -> e.getText().trim().replace('\n', ' ')).collect(Collectors.joining("; "));
  }

  String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  void waitForText(String text) {
    try {
      wait.until(d -> pageText().contains(text));
    } catch (TimeoutException e) {
      throw new AssertionError("No apareció «" + text + "» en la página " + driver.getCurrentUrl(), e);
    }
  }

  // --- documents in the forms (app/tasklist/scripts/documentos.js) -----------------------------------

  /**
   * Chooses the PDF in the form's own picker under the field, waits until the field holds the new
   * code and the document is shown with its signature, and answers the code.
   */
  String pick(String key, Path pdf) {
    WebElement picker = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("archivo-" + key)));
    scrollTo(picker);
    String before = field(key).getAttribute("value");
    picker.sendKeys(pdf.toAbsolutePath().toString());
    AtomicReference<String> seen = new AtomicReference<>();
    try {
      wait.ignoring(StaleElementReferenceException.class).until(d -> {
        String value = field(key).getAttribute("value");
        boolean shown = value != null && !value.isBlank() && !value.equals(before)
            && !d.findElements(By.cssSelector(".documento-panel[data-campo='" + key + "'] .documento-firma")).isEmpty();
        if (shown) {
          seen.set(value);
        }
        return shown;
      });
      // Tasklist may redraw the form right after the upload, emptying the field; the picker types the
      // code again, so the field is read once it holds the code seen, not at a moment in between. And
      // form-js applies the typed code only after its 300 ms pause: a click on another field (the next
      // picker, a radio) before then redraws the form without it, so the pause passes first.
      letTypingSettle();
      wait.ignoring(StaleElementReferenceException.class).until(d -> seen.get().equals(field(key).getAttribute("value")));
    } catch (TimeoutException e) {
      throw new AssertionError("El selector de «" + key + "» no mostró el documento: «" + pickedText(key) + "»", e);
    }
    String code = seen.get();
    typed.put(key, code);
    return code;
  }

  /** Chooses a file the platform refuses and answers the reason shown under the field. */
  String pickRefused(String key, Path file) {
    WebElement picker = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("archivo-" + key)));
    scrollTo(picker);
    picker.sendKeys(file.toAbsolutePath().toString());
    By error = By.cssSelector(".documento-panel[data-campo='" + key + "'] .documento-error");
    return wait.until(ExpectedConditions.visibilityOfElementLocated(error)).getText().trim();
  }

  /** What the picker of the field shows about its document. */
  String pickedText(String key) {
    return driver.findElements(By.cssSelector(".documento-panel[data-campo='" + key + "'] .documento-info")).stream()
        .map(WebElement::getText).collect(Collectors.joining(" ")).trim();
  }

  /** Opens the document link of the form in the viewer over Tasklist; answers the viewer's PDF address. */
  String openInViewer(String linkText) {
    clickText(".fjs-form a", linkText);
    WebElement frame = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("visor-documento-pdf")));
    return frame.getAttribute("src");
  }

  void closeViewer() {
    driver.findElement(By.id("visor-documento-cerrar")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("visor-documento")));
  }

  // --- the platform's own pages ---------------------------------------------------------------------



  // --- general ------------------------------------------------------------------------------------

  void clickText(String css, String text) {
    try {
      clickTextOrTimeout(css, text);
    } catch (TimeoutException e) {
      String shown = driver.findElements(By.cssSelector(css)).stream().map(el -> el.getText().trim())
          .filter(t -> !t.isEmpty()).limit(20).collect(Collectors.joining(" | "));
      throw new AssertionError("No se pudo pulsar «" + text + "» (" + css + ") en " + driver.getCurrentUrl()
          + "; se ven: «" + shown + "»; avisos: «" + notifications() + "»", e);
    }
  }

  private void clickTextOrTimeout(String css, String text) {
    wait.until(d -> {
      for (WebElement element : d.findElements(By.cssSelector(css))) {
        try {
          if (element.isDisplayed() && element.getText().trim().contains(text)) {
            scrollTo(element);
            element.click();
            return true;
          }
        } catch (StaleElementReferenceException | org.openqa.selenium.ElementClickInterceptedException retry) {
          return false;
        }
      }
      return false;
    });
  }

  void scrollTo(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  WebDriver driver() {
    return driver;
  }

  WebDriverWait waiting() {
    return wait;
  }

  /** Saves what the browser shows as target/journeys/{name}.png. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Files.write(file, ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
      Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
