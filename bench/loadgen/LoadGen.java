import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator of the intake benchmark (bench/README.md). Single-file Java 17 program:
 *
 * <pre>
 * java LoadGen.java run --target platform|baseline --url http://127.0.0.1:18200 --n 2000 --c 8
 *                       --warmup 500 [--label h2] [--results file.tsv]
 * java LoadGen.java compare --results file.tsv
 * </pre>
 *
 * <p>{@code platform}: N {@code recepcionarTramiteResponse} calls to {@code /wsiotramite/Tramite},
 * each with a fresh CUO fetched beforehand from the local PIDE's {@code getCUO} and a ~100 KB PDF.
 * {@code baseline}: N POSTs of the same PDF to the bare-stack app's {@code /intake}. Every PDF is
 * the same 100 KB document with a unique 10-digit marker inside, so no two stored files share a
 * hash. Reports documents/second, p50/p95/p99 latency and errors, and appends them to a TSV file
 * that {@code compare} turns into ratios.
 */
public class LoadGen {

  static final int PDF_SIZE = 100 * 1024;
  static final String MARKER = "BENCHMARK-0000000000";
  static final String SENDER_RUC = "20168999926"; // PCM, hosted by the demo platform
  static final String RECEIVER_RUC = "20601234565"; // the demo municipality

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      usage();
    }
    Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
    switch (args[0]) {
      case "run" -> run(options);
      case "compare" -> compare(Path.of(options.getOrDefault("results", "bench-results.tsv")));
      case "pdf" -> Files.write(Path.of(options.getOrDefault("out", "bench.pdf")), pdfTemplate());
      default -> usage();
    }
    System.exit(0); // the HTTP client's threads would keep the JVM alive
  }

  static void usage() {
    System.err.println("usage: java LoadGen.java run --target platform|baseline --url URL [--n 2000] [--c 8]"
        + " [--warmup 500] [--label LABEL] [--results FILE] [--receivers RUCS_FILE]\n       java LoadGen.java compare --results FILE");
    System.exit(2);
  }

  // ---------------------------------------------------------------- run

  static void run(Map<String, String> o) throws Exception {
    String target = o.getOrDefault("target", "platform");
    String url = o.getOrDefault("url", "http://127.0.0.1:8080");
    int n = Integer.parseInt(o.getOrDefault("n", "2000"));
    int c = Integer.parseInt(o.getOrDefault("c", "8"));
    int warmup = Integer.parseInt(o.getOrDefault("warmup", "500"));
    String label = o.getOrDefault("label", "");
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(2)).build();
    byte[] template = pdfTemplate();
    int marker = indexOf(template, MARKER.getBytes(StandardCharsets.US_ASCII)) + "BENCHMARK-".length();

    Sender sender;
    if (target.equals("platform")) {
      long t0 = System.nanoTime();
      List<String> cuos = fetchCuos(client, url, warmup + n);
      System.out.printf(Locale.ROOT, "[%s] %d CUOs from the local PIDE's getCUO in %.1f s (before timing)%n",
          label, cuos.size(), (System.nanoTime() - t0) / 1e9);
      String date = OffsetDateTime.now(ZoneOffset.ofHours(-5)).minusDays(1).withNano(0)
          .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      // --receivers FILE: one RUC per line, call i goes to line i modulo their number (the scale run)
      List<String> receivers = o.containsKey("receivers")
          ? Files.readAllLines(Path.of(o.get("receivers"))).stream().map(String::strip).filter(l -> !l.isEmpty()).toList()
          : List.of(RECEIVER_RUC);
      sender = i -> {
        String cuo = cuos.get(i);
        String body = recepcionar(cuo, date, Base64.getEncoder().encodeToString(pdf(template, marker, cuo)),
            receivers.get(i % receivers.size()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/wsiotramite/Tramite"))
            .timeout(Duration.ofSeconds(60)).header("Content-Type", "text/xml;charset=UTF-8")
            .header("SOAPAction", "\"\"").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        String code = element(response.body(), "vcodres");
        return response.statusCode() == 200 && "0000".equals(code) ? null
            : "HTTP " + response.statusCode() + " vcodres=" + code + " " + element(response.body(), "vdesres");
      };
    } else {
      long base = System.currentTimeMillis() % 1_000_000L * 10_000L;
      sender = i -> {
        String id = String.format("%010d", base + i);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/intake"))
            .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/pdf")
            .header("X-File-Name", "oficio-" + id + ".pdf")
            .POST(HttpRequest.BodyPublishers.ofByteArray(pdf(template, marker, id))).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? null : "HTTP " + response.statusCode();
      };
    }

    Result warm = drive(sender, 0, warmup, c);
    System.out.printf(Locale.ROOT, "[%s] %s warm-up: %d calls, %.1f docs/s, %d errors%n",
        label, target, warmup, warm.rate(), warm.errors);
    long pid = Long.parseLong(o.getOrDefault("pid", "0"));
    double cpu0 = cpuSeconds(pid);
    Map<String, Double> threads0 = cpuByThreadKind(pid);
    Result r = drive(sender, warmup, n, c);
    double cpuMsPerDoc = (cpuSeconds(pid) - cpu0) * 1000 / Math.max(1, n - r.errors);
    Map<String, Double> threads1 = cpuByThreadKind(pid);
    System.out.printf(Locale.ROOT,
        "[%s] %s: %d calls at %d concurrent senders in %.1f s: %.1f docs/s, p50 %.1f ms, p95 %.1f ms,"
            + " p99 %.1f ms, max %.1f ms, errors %d%n",
        label, target, n, c, r.seconds, r.rate(), r.percentile(50), r.percentile(95), r.percentile(99),
        r.percentile(100), r.errors);
    if (pid > 0) {
      System.out.printf(Locale.ROOT, "[%s] %s: %.2f ms of the app's CPU per document (JVM process %d, user+system)",
          label, target, cpuMsPerDoc, pid);
      StringBuilder split = new StringBuilder(", of which:");
      threads1.forEach((kind, seconds) -> split.append(String.format(Locale.ROOT, " %s %.2f", kind,
          (seconds - threads0.getOrDefault(kind, 0.0)) * 1000 / Math.max(1, n - r.errors))));
      System.out.println(split);
    }
    r.errorSamples.forEach((message, count) -> System.out.println("    error x" + count + ": " + message));
    if (o.containsKey("results")) {
      String line = String.join("\t", label, target, String.valueOf(n), String.valueOf(c),
          fmt(r.rate()), fmt(r.percentile(50)), fmt(r.percentile(95)), fmt(r.percentile(99)),
          String.valueOf(r.errors), pid > 0 ? fmt(cpuMsPerDoc) : "",
          pid > 0 ? fmt((threads1.get("requests") - threads0.get("requests")) * 1000 / Math.max(1, n - r.errors)) : "")
          + "\n";
      Files.writeString(Path.of(o.get("results")), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }

  interface Sender {
    /** Sends call number i; null on success, the error otherwise. */
    String send(int i) throws Exception;
  }

  record Result(long[] latenciesNanos, double seconds, int errors, Map<String, Integer> errorSamples) {
    double rate() {
      return (latenciesNanos.length - errors) / seconds;
    }

    double percentile(double p) {
      if (latenciesNanos.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
      return latenciesNanos[Math.max(0, Math.min(index, latenciesNanos.length - 1))] / 1e6;
    }
  }

  static Result drive(Sender sender, int first, int count, int concurrency) throws Exception {
    long[] latencies = new long[count];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    Map<String, Integer> samples = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    long start = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < concurrency; t++) {
      workers.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
          long t0 = System.nanoTime();
          String error;
          try {
            error = sender.send(first + i);
          } catch (Exception e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
          }
          latencies[i] = System.nanoTime() - t0;
          if (error != null) {
            errors.incrementAndGet();
            String key = error.length() > 200 ? error.substring(0, 200) : error;
            if (samples.size() < 5 || samples.containsKey(key)) {
              samples.merge(key, 1, Integer::sum);
            }
          }
        }
        return null;
      }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Arrays.sort(latencies);
    return new Result(latencies, seconds, errors.get(), samples);
  }

  /** User + system CPU seconds of a process so far (Linux /proc; clock ticks of 1/100 s). */
  static double cpuSeconds(long pid) throws IOException {
    if (pid <= 0) {
      return 0;
    }
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
  }

  /**
   * CPU seconds of the process's threads by kind: request threads (Tomcat's http-nio), JIT
   * compiler, garbage collector, others; from /proc/&lt;pid&gt;/task/&lt;tid&gt;/stat.
   */
  static Map<String, Double> cpuByThreadKind(long pid) {
    Map<String, Double> byKind = new LinkedHashMap<>();
    for (String kind : List.of("requests", "jit", "gc", "other")) {
      byKind.put(kind, 0.0);
    }
    if (pid <= 0) {
      return byKind;
    }
    try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          double seconds = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
          String kind = name.startsWith("http-nio") ? "requests"
              : name.contains("CompilerThre") ? "jit"
              : name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread") ? "gc"
              : "other";
          byKind.merge(kind, seconds, Double::sum);
        } catch (IOException | RuntimeException threadEnded) {
          // a thread that ended meanwhile
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return byKind;
  }

  // ---------------------------------------------------------------- the platform's wire

  /** CUOs from the local PIDE (PcmCuo.getCUO, the test operation), 4 requests at a time. */
  static List<String> fetchCuos(HttpClient client, String url, int count) throws Exception {
    String body = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
        + " xmlns:web=\"http://pcm.pide.gob.pe/webservice\"><soapenv:Body><web:getCUO><ip>127.0.0.1</ip>"
        + "</web:getCUO></soapenv:Body></soapenv:Envelope>";
    String[] cuos = new String[count];
    Result r = drive(i -> {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/pide/PcmCuo"))
          .header("Content-Type", "text/xml;charset=UTF-8")
          .header("SOAPAction", "\"http://pcm.pide.gob.pe/webservice#ShowArchivo\"")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build();
      String answer = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
      cuos[i] = element(answer, "return");
      return cuos[i] != null && cuos[i].matches("\\d{10}") ? null : "getCUO: " + answer;
    }, 0, count, 4);
    if (r.errors > 0) {
      throw new IllegalStateException("getCUO failed " + r.errors + " times: " + r.errorSamples);
    }
    return List.of(cuos);
  }

  /** recepcionarTramiteResponse as a remote SGD (through the PIDE) sends it: a valid Oficio, no annexes. */
  static String recepcionar(String cuo, String date, String pdfBase64, String receiverRuc) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("vrucentrem", SENDER_RUC);
    f.put("vrucentrec", receiverRuc);
    f.put("vnomentemi", "PRESIDENCIA DEL CONSEJO DE MINISTROS");
    f.put("vuniorgrem", "SECRETARÍA DE GOBIERNO Y TRANSFORMACIÓN DIGITAL");
    f.put("vcuo", cuo);
    f.put("ccodtipdoc", "01");
    f.put("vnumdoc", "OFICIO N° " + cuo + "-2026-PCM/SGTD");
    f.put("dfecdoc", date);
    f.put("vuniorgdst", "GERENCIA MUNICIPAL");
    f.put("vnomdst", "JUAN PÉREZ");
    f.put("vnomcardst", "GERENTE MUNICIPAL");
    f.put("vasu", "Implementación del Modelo de Gestión Documental");
    f.put("snumanx", "0");
    f.put("snumfol", "3");
    f.put("bpdfdoc", pdfBase64);
    f.put("vnomdoc", "oficio-" + cuo + ".pdf");
    f.put("ctipdociderem", "1");
    f.put("vnumdociderem", "45678912");
    StringBuilder s = new StringBuilder(pdfBase64.length() + 2048);
    s.append("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"")
        .append(" xmlns:ws=\"http://ws.wsiotramite.segdi.gob.pe/\"><soapenv:Header/><soapenv:Body>")
        .append("<ws:recepcionarTramiteResponse><recepcionRequest>");
    f.forEach((k, v) -> s.append('<').append(k).append('>').append(v).append("</").append(k).append('>'));
    return s.append("</recepcionRequest></ws:recepcionarTramiteResponse></soapenv:Body></soapenv:Envelope>")
        .toString();
  }

  static String element(String xml, String name) {
    Matcher m = Pattern.compile("<(?:\\w+:)?" + name + ">([^<]*)</").matcher(xml == null ? "" : xml);
    return m.find() ? m.group(1) : null;
  }

  // ---------------------------------------------------------------- the PDF

  /** A valid one-page PDF of exactly 100 KB (text lines, uncompressed), with {@link #MARKER} inside. */
  static byte[] pdfTemplate() {
    StringBuilder content = new StringBuilder("BT /F1 9 Tf 40 800 Td 11 TL (" + MARKER + ") Tj\n");
    String line = "(Oficio de prueba del benchmark de recepcion: texto de relleno para llegar a 100 KB.) '\n";
    while (content.length() < PDF_SIZE - 1200) {
      content.append(line);
    }
    content.append("ET\n");
    // pad with a PDF comment so that the whole file is exactly PDF_SIZE bytes
    int pad = PDF_SIZE - assemble(content + "%\n").length;
    byte[] pdf = assemble(content + "%" + "x".repeat(Math.max(0, pad)) + "\n");
    if (pdf.length != PDF_SIZE) {
      throw new IllegalStateException("PDF of " + pdf.length + " bytes");
    }
    return pdf;
  }

  static byte[] assemble(String stream) {
    List<String> objects = List.of(
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            + " /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + stream.getBytes(StandardCharsets.US_ASCII).length + " >>\nstream\n" + stream
            + "endstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, "%PDF-1.4\n");
    long[] offsets = new long[objects.size()];
    for (int i = 0; i < objects.size(); i++) {
      offsets[i] = out.size();
      write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
    }
    long xref = out.size();
    StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
    for (long offset : offsets) {
      table.append(String.format("%010d 00000 n \n", offset));
    }
    write(out, table + "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref
        + "\n%%EOF\n");
    return out.toByteArray();
  }

  static void write(ByteArrayOutputStream out, String s) {
    try {
      out.write(s.getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] pdf(byte[] template, int markerDigits, String tenDigits) {
    byte[] copy = template.clone();
    System.arraycopy(tenDigits.getBytes(StandardCharsets.US_ASCII), 0, copy, markerDigits, 10);
    return copy;
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException("marker not found");
  }

  // ---------------------------------------------------------------- compare

  /** Reads the TSV that run appends to and prints each platform figure against the baseline's. */
  static void compare(Path results) throws IOException {
    Map<String, String[]> baseline = new LinkedHashMap<>();
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(results)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      rows.add(f);
      if (f[1].equals("baseline")) {
        baseline.put(f[0], f);
      }
    }
    System.out.println("label      target     n     c   docs/s    p50 ms   p95 ms   p99 ms  errors  cpu ms/doc"
        + "  (request threads)  ratio docs/s  ratio CPU  ratio request-thread CPU");
    for (String[] f : rows) {
      String ratio = "";
      String cpuRatio = "";
      String reqRatio = "";
      String cpu = f.length > 9 ? f[9] : "";
      String req = f.length > 10 ? f[10] : "";
      String[] b = baseline.get(f[0]);
      if (f[1].equals("platform") && b != null) {
        ratio = fmt(Double.parseDouble(f[4]) / Double.parseDouble(b[4])) + "x";
        if (!cpu.isEmpty() && b.length > 9 && !b[9].isEmpty()) {
          cpuRatio = fmt(Double.parseDouble(b[9]) / Double.parseDouble(cpu)) + "x";
        }
        if (!req.isEmpty() && b.length > 10 && !b[10].isEmpty()) {
          reqRatio = fmt(Double.parseDouble(b[10]) / Double.parseDouble(req)) + "x";
        }
      }
      System.out.printf(Locale.ROOT, "%-10s %-9s %5s %3s %8s %9s %8s %8s %7s %11s %18s  %12s %10s  %s%n",
          f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], cpu, req, ratio, cpuRatio, reqRatio);
    }
  }

  static String fmt(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        usage();
      }
      o.put(args[i].substring(2), args[i + 1]);
    }
    return o;
  }
}
