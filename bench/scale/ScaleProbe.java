import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scale benchmark's HTTP side (bench/README.md, "Scale run"). Single-file Java 17 program:
 *
 * <pre>
 * java ScaleProbe.java entities --url URL --user sgtd.admin --password demo --n 2000 --out rucs.txt
 * java ScaleProbe.java tasklist --url URL --user muni.mesapartes --password demo
 *                      [--filter "Tareas de mis grupos"] [--n 200] [--warmup 50] [--label L] [--results FILE]
 * </pre>
 *
 * <p>{@code entities}: registers N hosted entities through the platform's own registry API
 * ({@code POST /api/entidades}, as an SGTD administrator does), with RUCs whose check digit is
 * valid, and writes their RUCs, one per line. Reports the calls' p50/p95.
 *
 * <p>{@code tasklist}: logs into Tasklist as the user, the way the browser does (the webapp's
 * login, its session cookie and CSRF token), finds the filter by name and then asks, N times,
 * for the filter's first page exactly as Tasklist 7.24 asks for it when the user opens it:
 * {@code POST /camunda/api/engine/engine/default/filter/{id}/list?firstResult=0&maxResults=15}
 * with {@code Accept: application/hal+json} and the body Tasklist sends (sorted by creation,
 * newest first). The HAL answer holds the page, the total count and the embedded process
 * definitions and identity links, so one call is the whole "open Tasklist" cost. Reports p50,
 * p95, p99 and the count the user saw (as a check that the query returned their tasks only).
 */
public class ScaleProbe {

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      usage();
    }
    Map<String, String> o = new HashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    switch (args[0]) {
      case "entities" -> entities(o);
      case "tasklist" -> tasklist(o);
      default -> usage();
    }
    System.exit(0);
  }

  static void usage() {
    System.err.println("usage: java ScaleProbe.java entities|tasklist --url URL --user U --password P ...");
    System.exit(2);
  }

  // ---------------------------------------------------------------- entities

  static final int[] RUC_WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

  /** The i-th benchmark RUC: 20 + 5 + seven digits + check digit (none is a demo entity's). */
  static String ruc(int i) {
    String base = String.format("205%07d", i);
    int sum = 0;
    for (int k = 0; k < 10; k++) {
      sum += (base.charAt(k) - '0') * RUC_WEIGHTS[k];
    }
    int check = 11 - sum % 11;
    return base + (check == 10 ? 0 : check == 11 ? 1 : check);
  }

  static void entities(Map<String, String> o) throws Exception {
    String url = o.getOrDefault("url", "http://127.0.0.1:18300");
    int n = Integer.parseInt(o.getOrDefault("n", "2000"));
    int c = Integer.parseInt(o.getOrDefault("c", "2"));
    String auth = "Basic " + Base64.getEncoder().encodeToString(
        (o.getOrDefault("user", "sgtd.admin") + ":" + o.getOrDefault("password", "demo")).getBytes(StandardCharsets.UTF_8));
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String[] rucs = new String[n];
    long[] nanos = new long[n];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(c);
    List<Future<?>> workers = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < c; t++) {
      workers.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
          String ruc = ruc(i + 1);
          // mostly municipalities, as the State's entities are: categories 8 (district), 7, 6, 1-5
          int category = i % 10 < 7 ? 8 : i % 10 == 7 ? 7 : i % 10 == 8 ? 6 : 1 + i % 5;
          String name = (category == 8 ? "Municipalidad Distrital de Prueba " : category == 7
              ? "Municipalidad Provincial de Prueba " : category == 6 ? "Gobierno Regional de Prueba "
              : "Entidad Nacional de Prueba ") + String.format("%04d", i + 1);
          String body = "{\"ruc\":\"" + ruc + "\",\"nombre\":\"" + name + "\",\"categoria\":" + category
              + ",\"sector\":\"Sector de prueba " + (i % 19 + 1) + "\"}";
          long t0 = System.nanoTime();
          try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url + "/api/entidades"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201 && r.statusCode() != 200) {
              if (errors.incrementAndGet() <= 3) {
                System.err.println("entity " + ruc + ": HTTP " + r.statusCode() + " " + r.body());
              }
            }
          } catch (Exception e) {
            errors.incrementAndGet();
          }
          nanos[i] = System.nanoTime() - t0;
          rucs[i] = ruc;
        }
        return null;
      }));
    }
    for (Future<?> w : workers) {
      w.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Files.write(Path.of(o.getOrDefault("out", "rucs.txt")), Arrays.asList(rucs));
    Arrays.sort(nanos);
    System.out.printf(Locale.ROOT, "%d entities registered through POST /api/entidades in %.1f s (%d at a time):"
        + " p50 %.1f ms, p95 %.1f ms, errors %d%n", n, seconds, c, pct(nanos, 50), pct(nanos, 95), errors.get());
    if (errors.get() > 0) {
      System.exit(1);
    }
  }

  // ---------------------------------------------------------------- tasklist

  static void tasklist(Map<String, String> o) throws Exception {
    String url = o.getOrDefault("url", "http://127.0.0.1:18300");
    String user = o.getOrDefault("user", "muni.mesapartes");
    String filterName = o.getOrDefault("filter", "Tareas de mis grupos");
    int n = Integer.parseInt(o.getOrDefault("n", "200"));
    int warmup = Integer.parseInt(o.getOrDefault("warmup", "50"));
    String label = o.getOrDefault("label", "");
    CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies).build();

    // the page itself sets the CSRF cookie, as when the browser opens Tasklist
    send(client, HttpRequest.newBuilder(URI.create(url + "/camunda/app/tasklist/default/")).GET().build(), 200);
    String csrf = csrf(cookies);
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(o.getOrDefault("password", "demo"), StandardCharsets.UTF_8);
    send(client, HttpRequest.newBuilder(URI.create(url + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), 200);
    csrf = csrf(cookies);

    String api = url + "/camunda/api/engine/engine/default";
    String filters = send(client, HttpRequest.newBuilder(URI.create(api + "/filter?resourceType=Task&itemCount=false"))
        .header("Accept", "application/json").header("X-XSRF-TOKEN", csrf).GET().build(), 200);
    csrf = csrf(cookies);
    Matcher m = Pattern.compile("\"id\":\"([^\"]+)\",\"resourceType\":\"Task\",\"name\":\"" + Pattern.quote(filterName) + "\"")
        .matcher(filters);
    if (!m.find()) {
      throw new IllegalStateException("filter '" + filterName + "' not found: " + filters);
    }
    String filterId = m.group(1);
    String body = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
        + "\"sorting\":[{\"sortOrder\":\"desc\",\"sortBy\":\"created\"}],\"active\":true}";
    HttpRequest page = HttpRequest.newBuilder(URI.create(api + "/filter/" + filterId + "/list?firstResult=0&maxResults=15"))
        .header("Accept", "application/hal+json, application/json; q=0.5").header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.ofString(body)).build();

    String last = null;
    for (int i = 0; i < warmup; i++) {
      last = send(client, page, 200);
    }
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      last = send(client, page, 200);
      nanos[i] = System.nanoTime() - t0;
    }
    Arrays.sort(nanos);
    Matcher count = Pattern.compile("\"count\":(\\d+)").matcher(last);
    long seen = count.find() ? Long.parseLong(count.group(1)) : -1;
    Matcher tenants = Pattern.compile("\"tenantId\":\"([^\"]*)\"").matcher(last);
    java.util.Set<String> tenantIds = new java.util.TreeSet<>();
    while (tenants.find()) {
      tenantIds.add(tenants.group(1));
    }
    System.out.printf(Locale.ROOT, "[%s] Tasklist '%s' as %s: %d calls (after %d warm-up): p50 %.1f ms, p95 %.1f ms,"
        + " p99 %.1f ms; the user sees %d tasks, first page from tenants %s%n", label, filterName, user, n, warmup,
        pct(nanos, 50), pct(nanos, 95), pct(nanos, 99), seen, tenantIds);
    if (o.containsKey("results")) {
      Files.writeString(Path.of(o.get("results")), String.join("\t", label, user, filterName, String.valueOf(n),
          fmt(pct(nanos, 50)), fmt(pct(nanos, 95)), fmt(pct(nanos, 99)), String.valueOf(seen)) + "\n",
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }

  static String csrf(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).reduce((a, b) -> b)
        .orElseThrow(() -> new IllegalStateException("no XSRF-TOKEN cookie"));
  }

  static String send(HttpClient client, HttpRequest request, int expected) throws Exception {
    HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != expected) {
      throw new IllegalStateException(request.method() + " " + request.uri() + ": HTTP " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
