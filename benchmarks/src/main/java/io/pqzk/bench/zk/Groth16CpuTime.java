package io.pqzk.bench.zk;

import io.pqzk.zk.ProofException;
import io.pqzk.zk.groth16.Groth16Proof;
import io.pqzk.zk.groth16.Groth16Verifier;
import io.pqzk.zk.groth16.Groth16VerifyingKey;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Companion to {@link Groth16VerifyBench} for a shared, overloaded machine: measures the
 * verifying thread's CPU time (ThreadMXBean) as well as wall time, so figures taken while other
 * builds run are less distorted by time the thread spent waiting for a core. Run from the
 * repository root: {@code java -cp benchmarks/target/benchmarks.jar
 * io.pqzk.bench.zk.Groth16CpuTime [iterations]}.
 */
public final class Groth16CpuTime {
  private Groth16CpuTime() {}

  public static void main(String[] args) throws IOException, ProofException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Path base =
        System.getProperty("pqzk.zokrates.fixtures") != null ? Path.of(System.getProperty("pqzk.zokrates.fixtures")) : io.pqzk.bench.Home.resolve("zk-proofs/groth16/src/test/resources/zokrates");
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    System.out.printf("%-18s %12s %12s %18s %18s%n", "fixture", "verify cpu", "verify wall",
        "parse+verify cpu", "parse+verify wall");
    for (String fx : new String[] {"merkle/bn128", "multi/bn128", "merkle/bls12_381", "multi/bls12_381"}) {
      Groth16VerifyingKey vk =
          Groth16VerifyingKey.fromJson(Files.readString(base.resolve(fx).resolve("verification.key.json")));
      String json = Files.readString(base.resolve(fx).resolve("proof.json"));
      Groth16Proof proof = Groth16Proof.fromJson(json);
      for (int warm = 0; warm < n; warm++) {
        Groth16Verifier.verify(vk, Groth16Proof.fromJson(json));
      }
      long c0 = mx.getCurrentThreadCpuTime();
      long w0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        Groth16Verifier.verify(vk, proof);
      }
      long c1 = mx.getCurrentThreadCpuTime();
      long w1 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        Groth16Verifier.verify(vk, Groth16Proof.fromJson(json));
      }
      long c2 = mx.getCurrentThreadCpuTime();
      long w2 = System.nanoTime();
      System.out.printf("%-18s %9.2f ms %9.2f ms %15.2f ms %15.2f ms%n", fx,
          (c1 - c0) / 1e6 / n, (w1 - w0) / 1e6 / n, (c2 - c1) / 1e6 / n, (w2 - w1) / 1e6 / n);
    }
  }
}
