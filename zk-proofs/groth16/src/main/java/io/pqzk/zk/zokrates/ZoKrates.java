package io.pqzk.zk.zokrates;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * ZoKrates from Java: compile, compute witness, setup, generate proof, verify, export the Solidity
 * verifier, through ONE long-lived Node process running {@code zk-proofs/groth16/node/worker.mjs} over the
 * pinned zokrates-js (JSON lines on stdin/stdout). Artifacts stay in ZoKrates' own formats.
 *
 * <p>Errors from ZoKrates come back as {@link ZoKratesException} subclasses carrying ZoKrates'
 * message. A worker that dies is restarted on the next call; a call that exceeds the timeout kills
 * the worker (it restarts on the next call). Calls are serialised: the worker runs one request at a
 * time (zokrates-js is single-threaded WebAssembly). Close to stop the worker.
 *
 * <p>For verification without Node, use {@link io.pqzk.zk.groth16.Groth16Verifier}.
 */
public final class ZoKrates implements AutoCloseable {
  private static final Object EOF = new Object();

  private final String node;
  private final Path worker;
  private final Duration timeout;
  private final Duration startTimeout;
  private Process process;
  private BufferedWriter stdin;
  private BlockingQueue<Object> lines;
  private final Deque<String> stderrTail = new ArrayDeque<>();
  private long nextId = 1;
  private int starts;
  private long charsSent;
  /** Handles the current worker process holds (cleared whenever a worker starts). */
  private final java.util.Set<String> inWorker = new java.util.HashSet<>();

  private ZoKrates(String node, Path worker, Duration timeout) {
    this.node = node;
    this.worker = worker;
    this.timeout = timeout;
    this.startTimeout = timeout.plusSeconds(30);
  }

  /**
   * A client with the given per-call timeout. The worker script is found from the system property
   * {@code pqzk.zokrates.worker}, the environment variable {@code PQZK_ZOKRATES_WORKER}, the
   * installation named by the system property {@code pqzk.home} (the {@code pqzk} launcher sets
   * it: {@code zk-proofs/groth16/node/worker.mjs} under it), or this module's own folder when it
   * runs from its build output; never from the working directory. Node from {@code pqzk.node} or
   * {@code node} on the PATH. When zokrates-js is not installed beside the worker, it is installed
   * once from the lockfile ({@code npm ci}), saying so on standard error.
   */
  public static ZoKrates create(Duration timeout) throws ZoKratesException {
    return create(System.getProperty("pqzk.node", "node"), findWorker(), timeout);
  }

  public static ZoKrates create(String nodeExecutable, Path workerScript, Duration timeout)
      throws ZoKratesException {
    Objects.requireNonNull(nodeExecutable);
    Objects.requireNonNull(workerScript);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    if (!Files.isRegularFile(workerScript)) {
      throw new ZoKratesException.Worker("worker script not found: " + workerScript);
    }
    NodeModules.ensureInstalled(nodeExecutable, workerScript.toAbsolutePath().getParent());
    return new ZoKrates(nodeExecutable, workerScript, timeout);
  }

  static Path findWorker() throws ZoKratesException {
    String p = System.getProperty("pqzk.zokrates.worker", System.getenv("PQZK_ZOKRATES_WORKER"));
    if (p != null && !p.isEmpty()) {
      return Path.of(p);
    }
    List<Path> tried = new java.util.ArrayList<>();
    String home = System.getProperty("pqzk.home");
    if (home != null && !home.isEmpty()) {
      tried.add(Path.of(home, "zk-proofs", "groth16", "node", "worker.mjs"));
    }
    Path module = moduleFolder();
    if (module != null) {
      tried.add(module.resolve("node").resolve("worker.mjs"));
    }
    for (Path c : tried) {
      if (Files.isRegularFile(c)) {
        return c;
      }
    }
    throw new ZoKratesException.Worker("cannot find the ZoKrates worker (worker.mjs)"
        + (tried.isEmpty() ? "" : "; looked at " + tried)
        + ": run pqzk through its launcher, or set -Dpqzk.zokrates.worker or PQZK_ZOKRATES_WORKER");
  }

  /** This module's folder when its classes run from {@code target/classes} or a jar in {@code target/}. */
  private static Path moduleFolder() {
    try {
      java.security.CodeSource cs = ZoKrates.class.getProtectionDomain().getCodeSource();
      if (cs == null) {
        return null;
      }
      Path target = Path.of(cs.getLocation().toURI()).toAbsolutePath();
      if (Files.isRegularFile(target) || target.getFileName().toString().equals("classes")) {
        target = target.getParent();
      }
      return target != null && target.getFileName() != null
          && target.getFileName().toString().equals("target") ? target.getParent() : null;
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  /** How many times a worker process was started (1 after the first call, more after restarts). */
  public synchronized int workerStarts() {
    return starts;
  }

  /** The ZoKrates version inside zokrates-js (e.g. "0.8.8"). */
  public String version() throws ZoKratesException {
    return string(call("ping", new JsonObject(), null), "zokrates");
  }

  /** Compiles a program; imports from ZoKrates' standard library resolve. */
  public Artifacts compile(String source, ZoKratesOptions options) throws ZoKratesException {
    return compile(source, "main.zok", options);
  }

  /** As {@link #compile(String, ZoKratesOptions)}; {@code location} names the file in errors. */
  public Artifacts compile(String source, String location, ZoKratesOptions options)
      throws ZoKratesException {
    JsonObject req = new JsonObject();
    req.addProperty("source", source);
    req.addProperty("location", location);
    JsonObject r = call("compile", req, options);
    JsonElement cc = r.get("constraintCount");
    long constraints;
    try {
      constraints = cc == null || cc.isJsonNull() ? -1 : cc.getAsLong();
    } catch (RuntimeException e) {
      throw new ZoKratesException.Worker("worker sent no valid \"constraintCount\"", e);
    }
    return new Artifacts(b64(r, "program"), json(r, "abi"), constraints, options);
  }

  /**
   * Computes the witness. Arguments follow the ABI: numbers as decimal strings, booleans, arrays
   * (JSON), e.g. {@code ["3", "35"]}.
   */
  public Witness computeWitness(Artifacts program, String argsJson) throws ZoKratesException {
    JsonElement args;
    try {
      args = JsonParser.parseString(argsJson);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("arguments are not JSON: " + e.getMessage(), e);
    }
    if (!args.isJsonArray()) {
      throw new IllegalArgumentException("arguments must be a JSON array");
    }
    JsonObject req = new JsonObject();
    req.addProperty("program", enc(program.programUnsafe()));
    req.add("args", args.getAsJsonArray());
    JsonObject r = call("computeWitness", req, program.options());
    return new Witness(b64(r, "witness"), string(r, "output"));
  }

  /** Groth16 or GM17 setup (a trusted setup: this process sees the toxic waste). */
  public Keypair setup(Artifacts program) throws ZoKratesException {
    JsonObject req = new JsonObject();
    req.addProperty("program", enc(program.programUnsafe()));
    JsonObject r = call("setup", req, program.options());
    return new Keypair(json(r, "vk"), b64(r, "pk"));
  }

  /**
   * A compiled program and its proving key as the worker keeps them between proofs: {@link
   * #prove(Loaded, String)} sends them to the worker once (and again only after a worker
   * restart), instead of the 8 MB program and 3 MB key of the claim circuit for every proof.
   */
  public static final class Loaded {
    private final String key;
    private final Artifacts program;
    private final Keypair keys;

    private Loaded(String key, Artifacts program, Keypair keys) {
      this.key = key;
      this.program = program;
      this.keys = keys;
    }

    /** The handle: SHA-256 of the program and the proving key, hex. */
    public String key() {
      return key;
    }

    @Override
    public String toString() {
      return "Loaded[" + key.substring(0, 16) + ", " + program + "]";
    }
  }

  /** Names a program and its keys for {@link #prove(Loaded, String)}; nothing is sent yet. */
  public Loaded load(Artifacts program, Keypair keys) {
    try {
      java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
      d.update(program.programUnsafe());
      d.update(keys.provingKeyUnsafe());
      return new Loaded(java.util.HexFormat.of().formatHex(d.digest()), program, keys);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The witness and the proof in one worker call, as ZoKrates' {@code proof.json}; the witness
   * never leaves the worker. The program and key cross the pipe only when the worker does not
   * hold them yet.
   *
   * @throws ZoKratesException.Witness when the arguments do not satisfy the program
   */
  public synchronized String prove(Loaded loaded, String argsJson) throws ZoKratesException {
    JsonElement args;
    try {
      args = JsonParser.parseString(argsJson);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("arguments are not JSON: " + e.getMessage(), e);
    }
    for (int attempt = 0; ; attempt++) {
      if (process == null || !process.isAlive() || !inWorker.contains(loaded.key)) {
        JsonObject req = new JsonObject();
        req.addProperty("key", loaded.key);
        req.addProperty("program", enc(loaded.program.programUnsafe()));
        req.addProperty("pk", enc(loaded.keys.provingKeyUnsafe()));
        call("load", req, loaded.program.options());
        inWorker.add(loaded.key);
      }
      JsonObject req = new JsonObject();
      req.addProperty("handle", loaded.key);
      req.add("args", args.deepCopy());
      try {
        return call("prove", req, loaded.program.options()).toString();
      } catch (ZoKratesException.Worker e) {
        if (attempt > 0 || !e.getMessage().contains("unknown handle")) {
          throw e;
        }
        inWorker.remove(loaded.key); // dropped by the worker: load again, once
      }
    }
  }

  /** Characters of requests written to workers so far (what crossed the pipe). */
  public synchronized long charsSent() {
    return charsSent;
  }

  /** A proof as ZoKrates' {@code proof.json}. */
  public String generateProof(Artifacts program, Witness witness, Keypair keys)
      throws ZoKratesException {
    JsonObject req = new JsonObject();
    req.addProperty("program", enc(program.programUnsafe()));
    req.addProperty("witness", enc(witness.bytesUnsafe()));
    req.addProperty("pk", enc(keys.provingKeyUnsafe()));
    return call("generateProof", req, program.options()).toString();
  }

  /** zokrates-js' own verification (for cross-checks; validators use the Java verifier). */
  public boolean verify(String verificationKeyJson, String proofJson, ZoKratesOptions options)
      throws ZoKratesException {
    JsonObject req = new JsonObject();
    req.add("vk", parse(verificationKeyJson, "verification key"));
    req.add("proof", parse(proofJson, "proof"));
    JsonElement valid = call("verify", req, options).get("valid");
    if (valid == null || !valid.isJsonPrimitive() || !valid.getAsJsonPrimitive().isBoolean()) {
      throw new ZoKratesException.Worker("worker sent no valid \"valid\"");
    }
    return valid.getAsBoolean();
  }

  /** The Solidity verifier contract (bn128 only, as in zokrates-js). */
  public String exportSolidityVerifier(String verificationKeyJson, ZoKratesOptions options)
      throws ZoKratesException {
    JsonObject req = new JsonObject();
    req.add("vk", parse(verificationKeyJson, "verification key"));
    return string(call("exportSolidityVerifier", req, options), "source");
  }

  /** Test hook: asks the worker to exit abruptly, as a crash would. */
  void crashWorkerForTest() throws ZoKratesException {
    call("crash", new JsonObject(), null);
  }

  private static JsonElement parse(String json, String what) {
    try {
      return JsonParser.parseString(json);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(what + " is not JSON: " + e.getMessage(), e);
    }
  }

  private static String enc(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  /** A string field of a worker answer. */
  private static String string(JsonObject r, String name) throws ZoKratesException {
    JsonElement e = r.get(name);
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw new ZoKratesException.Worker("worker sent no valid \"" + name + "\"");
    }
    return e.getAsString();
  }

  /** A JSON object field of a worker answer, as text. */
  private static String json(JsonObject r, String name) throws ZoKratesException {
    JsonElement e = r.get(name);
    if (e == null || !e.isJsonObject()) {
      throw new ZoKratesException.Worker("worker sent no valid \"" + name + "\"");
    }
    return e.toString();
  }

  private static byte[] b64(JsonObject r, String name) throws ZoKratesException {
    try {
      return Base64.getDecoder().decode(r.get(name).getAsString());
    } catch (RuntimeException e) {
      throw new ZoKratesException.Worker("worker sent no valid \"" + name + "\"", e);
    }
  }

  private synchronized JsonObject call(String op, JsonObject req, ZoKratesOptions options)
      throws ZoKratesException {
    Duration limit = timeout;
    if (process == null || !process.isAlive()) {
      start();
      limit = startTimeout;
    }
    long id = nextId++;
    req.addProperty("id", id);
    req.addProperty("op", op);
    if (options != null) {
      JsonObject o = new JsonObject();
      o.addProperty("backend", options.backend());
      o.addProperty("curve", options.curve());
      o.addProperty("scheme", options.scheme());
      req.add("options", o);
    }
    try {
      String text = req.toString();
      charsSent += text.length() + 1;
      stdin.write(text);
      stdin.write('\n');
      stdin.flush();
    } catch (IOException e) {
      throw died("while sending " + op);
    }
    Object line;
    try {
      line = lines.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
      throw new ZoKratesException.Worker("interrupted while waiting for " + op);
    }
    if (line == null) {
      kill();
      throw new ZoKratesException.Timeout(
          op + " did not finish within " + limit.toMillis() + " ms; the worker was stopped");
    }
    if (line == EOF) {
      throw died("during " + op);
    }
    String text = (String) line;
    JsonObject resp;
    boolean ok;
    try {
      resp = JsonParser.parseString(text).getAsJsonObject();
      JsonElement answered = resp.get("id");
      if (answered == null || !answered.isJsonPrimitive()
          || !answered.getAsJsonPrimitive().isNumber()
          || !answered.getAsJsonPrimitive().getAsBigDecimal().equals(
              java.math.BigDecimal.valueOf(id))) {
        kill();
        throw new ZoKratesException.Worker("worker answered out of order: " + shortened(text));
      }
      ok = resp.getAsJsonPrimitive("ok").isBoolean() && resp.get("ok").getAsBoolean();
      if (ok) {
        return resp.getAsJsonObject("result").getAsJsonObject();
      }
    } catch (RuntimeException e) {
      // anything but the protocol's shape (a missing or mistyped id, ok, result or error)
      kill();
      throw new ZoKratesException.Worker("worker broke the protocol: " + shortened(text), e);
    }
    String kind;
    String msg;
    try {
      JsonObject err = resp.getAsJsonObject("error");
      kind = err.getAsJsonPrimitive("kind").getAsString();
      msg = err.getAsJsonPrimitive("message").getAsString();
    } catch (RuntimeException e) {
      kill();
      throw new ZoKratesException.Worker("worker broke the protocol: " + shortened(text), e);
    }
    switch (kind) {
      case "compile":
        throw new ZoKratesException.Compile(msg);
      case "witness":
        throw new ZoKratesException.Witness(msg);
      case "request":
        throw new ZoKratesException.Worker("worker refused the request: " + msg);
      case "handle":
        throw new ZoKratesException.Worker("worker lost the program: " + msg);
      default:
        throw new ZoKratesException(msg);
    }
  }

  /** A worker line as an error message shows it: at most 200 characters. */
  private static String shortened(String line) {
    return line.length() <= 200 ? line : line.substring(0, 200) + "...";
  }

  private ZoKratesException died(String when) {
    Optional<Integer> code = Optional.empty();
    if (process != null) {
      try {
        if (process.waitFor(2, TimeUnit.SECONDS)) {
          code = Optional.of(process.exitValue());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    kill();
    String tail;
    synchronized (stderrTail) {
      tail = String.join(" | ", stderrTail);
    }
    return new ZoKratesException.Worker(
        "the ZoKrates worker died "
            + when
            + code.map(c -> " (exit code " + c + ")").orElse("")
            + (tail.isEmpty() ? "" : ": " + tail)
            + "; it restarts on the next call");
  }

  private void start() throws ZoKratesException {
    kill();
    inWorker.clear();
    ProcessBuilder pb = new ProcessBuilder(node, worker.toAbsolutePath().toString());
    pb.directory(worker.toAbsolutePath().getParent().toFile());
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new ZoKratesException.Worker("cannot start Node (" + node + "): " + e.getMessage(), e);
    }
    starts++;
    stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
    BlockingQueue<Object> q = new LinkedBlockingQueue<>();
    lines = q;
    Process p = process;
    Thread out =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                  q.add(l);
                }
              } catch (IOException ignored) {
                // the process is gone; EOF below tells the caller
              }
              q.add(EOF);
            },
            "zokrates-worker-stdout");
    out.setDaemon(true);
    out.start();
    Thread err =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String l;
                while ((l = r.readLine()) != null) {
                  synchronized (stderrTail) {
                    stderrTail.addLast(l);
                    if (stderrTail.size() > 5) {
                      stderrTail.removeFirst();
                    }
                  }
                }
              } catch (IOException ignored) {
                // nothing more to read
              }
            },
            "zokrates-worker-stderr");
    err.setDaemon(true);
    err.start();
  }

  private void kill() {
    if (process != null) {
      process.destroyForcibly();
      process = null;
    }
  }

  /** Stops the worker. */
  @Override
  public synchronized void close() {
    if (process != null && process.isAlive()) {
      try {
        stdin.write("{\"id\":0,\"op\":\"exit\"}\n");
        stdin.flush();
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (IOException e) {
        process.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
    process = null;
  }

  @Override
  public String toString() {
    return "ZoKrates[" + worker + ", timeout " + timeout.toMillis() + " ms]";
  }

  /** For {@link JsonArray}-typed arguments built in code. */
  public static String args(Object... values) {
    JsonArray a = new JsonArray();
    for (Object v : values) {
      a.add(new com.google.gson.Gson().toJsonTree(v));
    }
    return a.toString();
  }
}
