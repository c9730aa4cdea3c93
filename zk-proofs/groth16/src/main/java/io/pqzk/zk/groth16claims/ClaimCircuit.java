package io.pqzk.zk.groth16claims;

import io.pqzk.common.DurableFiles;
import io.pqzk.zk.ProofException;
import io.pqzk.zk.UnavailableProofSystemException;
import io.pqzk.zk.zokrates.Artifacts;
import io.pqzk.zk.zokrates.Keypair;
import io.pqzk.zk.zokrates.ZoKrates;
import io.pqzk.zk.zokrates.ZoKratesOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The claim circuit ({@code circuits/claim.zok}) and its on-disk artifacts: the compiled program
 * ({@code out}, {@code abi.json}), and the Groth16 keys of its setup ({@code proving.key},
 * {@code verification.key.json}), all in ZoKrates' own formats so the ZoKrates CLI can use them.
 *
 * <p>Directory: the system property {@code pqzk.zokrates.dir}, else the environment variable
 * {@code PQZK_ZOKRATES_DIR}, else {@code ~/.cache/pqzk/zokrates/claim-<first 16 hex digits of
 * SHA-256(circuit source)>}. The setup is trusted: whoever ran it could forge proofs, and proofs
 * verify only against the verification key of the same setup, so prover and verifiers must share
 * that directory's {@code verification.key.json}.
 */
public final class ClaimCircuit {
  static final String PROGRAM = "out";
  static final String ABI = "abi.json";
  static final String PROVING_KEY = "proving.key";
  static final String VERIFICATION_KEY = "verification.key.json";

  private final String source;
  private final Path dir;

  private ClaimCircuit(String source, Path dir) {
    this.source = source;
    this.dir = dir;
  }

  /** The circuit from the class path, with its directory chosen as described above. */
  public static ClaimCircuit load() {
    String src = readSource();
    String p = System.getProperty("pqzk.zokrates.dir", System.getenv("PQZK_ZOKRATES_DIR"));
    Path dir = p != null && !p.isBlank()
        ? Path.of(p)
        : Path.of(System.getProperty("user.home"), ".cache", "pqzk", "zokrates", "claim-" + id(src));
    return new ClaimCircuit(src, dir);
  }

  /** The circuit with an explicit artifact directory. */
  public static ClaimCircuit in(Path dir) {
    return new ClaimCircuit(readSource(), dir);
  }

  public String source() {
    return source;
  }

  public Path directory() {
    return dir;
  }

  /** First 16 hex digits of SHA-256 of the source: names the default directory. */
  static String id(String source) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String readSource() {
    return new String(readSourceBytes(), StandardCharsets.UTF_8);
  }

  private static byte[] readSourceBytes() {
    try (InputStream in = ClaimCircuit.class.getResourceAsStream("/circuits/claim.zok")) {
      if (in == null) {
        throw new IllegalStateException("circuits/claim.zok missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read circuits/claim.zok: " + e.getMessage(), e);
    }
  }

  /**
   * SHA-256 of the claim circuit's source, the exact bytes of {@code circuits/claim.zok} that this
   * build carries (in the repository: {@code zk-proofs/groth16/src/main/resources/circuits/
   * claim.zok}). A genesis pins it beside the verification key so operators can audit which
   * circuit the setup was for; anyone recomputes it with {@code sha256sum} on that file, or with
   * {@link #fileDigest(Path)}. It does not prove the key is this circuit's: see GROTH16.md, "What a
   * pinned key proves".
   *
   * @return 32 bytes, a fresh array on each call
   */
  public byte[] sourceDigest() {
    return sha256().digest(readSourceBytes());
  }

  /**
   * SHA-256 of the compiled program in {@link #directory()}: the exact bytes of ZoKrates' {@code
   * out} file (its {@code ZOK} binary format), the program the directory's setup was made for. A
   * genesis pins it beside the verification key and the source digest. Anyone recomputes it with
   * {@code sha256sum out}, or by compiling the source with the pinned zokrates-js ({@code pqzk
   * zokrates compile --input claim.zok --out DIR}, then hashing {@code DIR/out}).
   *
   * @return 32 bytes, a fresh array on each call
   * @throws UnavailableProofSystemException when the directory holds no compiled program
   * @throws ProofException when the program cannot be read
   */
  public byte[] programDigest() throws ProofException {
    Path out = dir.resolve(PROGRAM);
    if (!Files.isRegularFile(out)) {
      throw new UnavailableProofSystemException("no compiled claim program at " + out
          + ": compile circuits/claim.zok there, or point -Dpqzk.zokrates.dir / PQZK_ZOKRATES_DIR"
          + " at the setup's directory");
    }
    try {
      return fileDigest(out);
    } catch (IOException e) {
      throw new ProofException("cannot read " + out + ": " + e.getMessage(), e);
    }
  }

  /** SHA-256 of a file's bytes (what {@code sha256sum} prints), read in a stream. */
  public static byte[] fileDigest(Path file) throws IOException {
    MessageDigest md = sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return md.digest();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Program and keys for proving: reuses what the directory holds, else compiles and sets up. */
  public synchronized Prover prover(ZoKrates zk) throws ProofException {
    try {
      Files.createDirectories(dir);
      // Another process may be setting up the same directory: without the lock the two could
      // leave a proving key of one setup next to the verification key of the other.
      try (FileChannel ch = FileChannel.open(dir.resolve(".lock"),
              StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = ch.lock()) {
        return proverLocked(zk);
      }
    } catch (IOException e) {
      throw new ProofException("cannot read or write the claim circuit's artifacts in " + dir
          + ": " + e.getMessage(), e);
    }
  }

  private Prover proverLocked(ZoKrates zk) throws IOException, ProofException {
    Artifacts program;
    if (Files.isRegularFile(dir.resolve(PROGRAM)) && Files.isRegularFile(dir.resolve(ABI))) {
      program = Artifacts.of(Files.readAllBytes(dir.resolve(PROGRAM)),
          Files.readString(dir.resolve(ABI)), ZoKratesOptions.G16_BN128);
    } else {
      program = zk.compile(source, "claim.zok", ZoKratesOptions.G16_BN128);
      write(PROGRAM, program.program());
      write(ABI, program.abiJson().getBytes(StandardCharsets.UTF_8));
    }
    Keypair keys;
    if (Files.isRegularFile(dir.resolve(PROVING_KEY))
        && Files.isRegularFile(dir.resolve(VERIFICATION_KEY))) {
      keys = new Keypair(Files.readString(dir.resolve(VERIFICATION_KEY)),
          Files.readAllBytes(dir.resolve(PROVING_KEY)));
    } else if (Files.isRegularFile(dir.resolve(VERIFICATION_KEY))) {
      // A verifier's copy of a shared setup: a new setup would silently replace the key that
      // everybody else verifies against.
      throw new ProofException(dir.resolve(VERIFICATION_KEY) + " exists without its "
          + PROVING_KEY + ": copy the proving key of that setup here, or delete the verification"
          + " key to run a new (trusted) setup");
    } else {
      keys = zk.setup(program);
      // The proving key first: a verification key alone means "someone else's setup".
      write(PROVING_KEY, keys.provingKey());
      write(VERIFICATION_KEY, keys.verificationKeyJson().getBytes(StandardCharsets.UTF_8));
    }
    return new Prover(program, keys);
  }

  /**
   * The verification key JSON of the setup in the directory.
   *
   * @throws UnavailableProofSystemException when there is none (no setup here yet)
   */
  public String verificationKeyJson() throws ProofException {
    Path vk = dir.resolve(VERIFICATION_KEY);
    if (!Files.isRegularFile(vk)) {
      throw new UnavailableProofSystemException("no Groth16 verification key at " + vk
          + ": copy the prover's " + VERIFICATION_KEY + " there (or set -Dpqzk.zokrates.dir / "
          + "PQZK_ZOKRATES_DIR to its directory); a proof verifies only against its own setup");
    }
    try {
      return Files.readString(vk);
    } catch (IOException e) {
      throw new ProofException("cannot read " + vk + ": " + e.getMessage(), e);
    }
  }

  private void write(String name, byte[] bytes) throws IOException {
    DurableFiles.write(dir.resolve(name), bytes, DurableFiles.Access.PUBLIC,
        DurableFiles.Existing.REPLACE);
  }


  /** A compiled program with its keys. */
  public record Prover(Artifacts program, Keypair keys) {}
}
