package io.pqzk.cli.demo;

import io.pqzk.zk.ProofSystems;

import io.pqzk.ledger.BlockRules;
import io.pqzk.ledger.CommitSigner;
import io.pqzk.ledger.Genesis;
import io.pqzk.ledger.GenesisBuilder;
import io.pqzk.ledger.ProposerKeys;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import io.pqzk.ledger.crypto.UnsupportedAlgorithmException;
import io.pqzk.ledger.proto.Member;
import io.pqzk.ledger.proto.SlhDsaPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The demo's participants with fresh keys: validators (ML-DSA-65 for blocks, SLH-DSA per the
 * policy), one medical authority and three readers; written to {@code DIR/keys/} (private keys
 * encrypted under a generated passphrase stored beside them, which is acceptable for a demo
 * only) and described by a genesis file.
 */
public final class DemoNetwork {
  public static final String BLOCK_ALGORITHM = "ML-DSA-65";
  public static final String TX_ALGORITHM = "ML-DSA-65";
  static final List<String> READERS = List.of("clinic-alpha", "clinic-bravo", "field-hospital");

  final List<ProposerKeys> validators = new ArrayList<>();
  final LedgerSigningKey authority;
  final List<LedgerSigningKey> readers = new ArrayList<>();
  final io.pqzk.ledger.proto.Genesis genesis;

  /**
   * Keys and genesis; claims with the STARK, and with Groth16 too when {@code groth16Key} (the
   * claim circuit's verification key, which the genesis then pins) is not null.
   */
  DemoNetwork(String chainId, int validatorCount, String slhAlgorithm, int slhEvery,
      Groth16Pin groth16) throws UnsupportedAlgorithmException {
    GenesisBuilder g = new GenesisBuilder(chainId, System.currentTimeMillis())
        .blockAlgorithm(BLOCK_ALGORITHM).slhDsa(slhAlgorithm, slhEvery)
        .claimSystem(io.pqzk.zk.stark.claim.StarkProofSystem.ID);
    if (groth16 != null) {
      g.claimSystem(io.pqzk.zk.groth16claims.ZokratesGroth16ProofSystem.ID,
          groth16.verificationKey(), groth16.sourceSha256(), groth16.programSha256());
    }
    for (int i = 0; i < validatorCount; i++) {
      ProposerKeys k = new ProposerKeys("validator-" + i, Signatures.generate(BLOCK_ALGORITHM),
          Signatures.generate(slhAlgorithm));
      validators.add(k);
      g.validator(k.name(), k.mlDsa().publicKey(), k.slhDsa().publicKey());
    }
    authority = Signatures.generate(TX_ALGORITHM);
    g.authority("medical-authority", authority.publicKey());
    for (String r : READERS) {
      LedgerSigningKey k = Signatures.generate(TX_ALGORITHM);
      readers.add(k);
      g.participant(r, k.publicKey());
    }
    genesis = g.build();
  }

  /** What the genesis pins of the Groth16 claim circuit: its key and which circuit it is for. */
  record Groth16Pin(String verificationKey, String sourceSha256, String programSha256) {}

  /** The commit signatures of every validator: the demo holds all of their keys. */
  CommitSigner commitSigner(BlockRules rules) {
    return new CommitSigner(rules, validators.stream().map(ProposerKeys::mlDsa).toList());
  }

  /** Writes every key pair under {@code keys/}; returns how many files were written. */
  int writeKeys(Path keys) throws IOException {
    byte[] pass = new byte[24];
    new SecureRandom().nextBytes(pass);
    char[] passphrase = HexFormat.of().formatHex(pass).toCharArray();
    KeyFiles.atomicWrite(keys.resolve("DEMO-PASSPHRASE"),
        (new String(passphrase) + "\n").getBytes(StandardCharsets.US_ASCII), true);
    KeyFiles.atomicWrite(keys.resolve("README.txt"), ("Demo keys. Private keys (*.key) are"
        + " encrypted PKCS#8 (PBES2, scrypt, AES-256-GCM)\nunder the passphrase in"
        + " DEMO-PASSPHRASE, which sits beside them only because this is a demo:\na real node"
        + " keeps it elsewhere.\n").getBytes(StandardCharsets.US_ASCII), false);
    int files = 2;
    for (ProposerKeys v : validators) {
      KeyFiles.write(keys, v.name(), v.mlDsa(), passphrase);
      KeyFiles.write(keys, v.name(), v.slhDsa(), passphrase);
      files += 4;
    }
    KeyFiles.write(keys, "medical-authority", authority, passphrase);
    for (int i = 0; i < readers.size(); i++) {
      KeyFiles.write(keys, READERS.get(i), readers.get(i), passphrase);
    }
    java.util.Arrays.fill(passphrase, '\0');
    return files + 2 + 2 * readers.size();
  }
}
