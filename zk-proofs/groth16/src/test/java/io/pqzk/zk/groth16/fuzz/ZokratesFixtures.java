package io.pqzk.zk.groth16.fuzz;

import io.pqzk.zk.MalformedProofException;
import io.pqzk.zk.groth16.Groth16Proof;
import io.pqzk.zk.groth16.Groth16VerifyingKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The real zokrates-js proofs and keys of {@code src/test/resources/zokrates}, parsed once. */
final class ZokratesFixtures {
  static final List<String> ALL = List.of("cubic/bn128", "cubic/bls12_381", "merkle/bn128",
      "merkle/bls12_381", "multi/bn128", "multi/bls12_381");
  static final List<Groth16VerifyingKey> KEYS = new ArrayList<>();
  static final List<Groth16Proof> PROOFS = new ArrayList<>();

  static {
    try {
      for (String f : ALL) {
        KEYS.add(Groth16VerifyingKey.fromJson(read(f, "verification.key.json")));
        PROOFS.add(Groth16Proof.fromJson(read(f, "proof.json")));
      }
    } catch (MalformedProofException e) {
      throw new IllegalStateException("a zokrates fixture does not parse", e);
    }
  }

  private ZokratesFixtures() {}

  static byte[] read(String fixture, String file) {
    String res = "/zokrates/" + fixture + "/" + file;
    try (InputStream in = ZokratesFixtures.class.getResourceAsStream(res)) {
      if (in == null) {
        throw new IllegalStateException(res + " missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void hasMessage(Throwable refused) {
    if (refused.getMessage() == null || refused.getMessage().isBlank()) {
      throw new AssertionError("refusal without a message: " + refused, refused);
    }
  }
}
