package io.pqzk.chains.internal;

import com.google.gson.JsonParser;
import io.pqzk.chains.ChainAdapters;
import io.pqzk.chains.FabricAttestations;
import io.pqzk.chains.Fixtures;
import io.pqzk.chains.ForeignBlock;
import io.pqzk.chains.attest.Attestations;
import io.pqzk.chains.proto.Attestation;
import io.pqzk.ledger.crypto.LedgerPublicKey;
import io.pqzk.ledger.crypto.LedgerSigningKey;
import io.pqzk.ledger.crypto.Signatures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the foreign-block targets' seeds (real Fabric and Ethereum blocks, Ethereum headers
 * also as RLP and RLP hex) and the attestation target's fixture: four attesters' file and three
 * of their real attestations of Fabric block mychannel-2. Here, beside {@link Rlp}. Run only on
 * request: {@code ./mvnw -pl ledger-adapter/chains -am test -Dtest=ChainSeeds -Dfuzz.seeds=write
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "fuzz.seeds", matches = "write")
class ChainSeeds {
  static final Path OUT = Path.of("src/test/resources/io/pqzk/chains/fuzz");

  @Test
  void write() throws Exception {
    Path blocks = OUT.resolve("ForeignBlockFuzzTestInputs/parse");
    Files.createDirectories(blocks);
    for (String f : new String[] {"mychannel-0", "mychannel-1", "mychannel-4", "cluster-block3"}) {
      Files.write(blocks.resolve("fabric-" + f), prefixed(0,
          Fixtures.bytes("fabric/" + f + ".block")));
    }
    for (String f : new String[] {"mainnet-1", "mainnet-9515350", "mainnet-15571241",
        "goerli-8705029", "mainnet-23094898"}) {
      byte[] json = Fixtures.bytes("ethereum/" + f + ".json");
      Files.write(blocks.resolve("ethereum-json-" + f), prefixed(1, json));
      byte[] rlp = Rlp.list(EthereumRlpTest.fields(JsonParser.parseString(
          new String(json, StandardCharsets.UTF_8)).getAsJsonObject()));
      Files.write(blocks.resolve("ethereum-rlp-" + f), prefixed(1, rlp));
      if (f.equals("mainnet-1")) {
        Files.write(blocks.resolve("ethereum-rlp-hex-" + f), prefixed(1,
            ("0x" + HexFormat.of().formatHex(rlp) + "\n").getBytes(StandardCharsets.US_ASCII)));
      }
    }
    List<String> names = new ArrayList<>();
    List<LedgerSigningKey> keys = new ArrayList<>();
    List<LedgerPublicKey> pubs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      names.add("attester-" + i);
      LedgerSigningKey k = Signatures.generate("ML-DSA-65");
      keys.add(k);
      pubs.add(k.publicKey());
    }
    byte[] attesters = io.pqzk.chains.attest.Attesters.file(ChainAdapters.FABRIC, "mychannel", 0,
        false, names, pubs, List.of());
    byte[] blockBytes = Fixtures.bytes("fabric/mychannel-2.block");
    ForeignBlock block = ChainAdapters.forName(ChainAdapters.FABRIC).parse(blockBytes);
    List<Attestation> atts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      atts.add(Attestations.sign(block, "mychannel", keys.get(i), null));
    }
    byte[] bundle = Attestations.bundle(atts);
    Files.write(OUT.resolve("attesters.json"), attesters);
    Files.write(OUT.resolve("bundle.bin"), bundle);
    Path att = OUT.resolve("AttestationFuzzTestInputs/decide");
    Files.createDirectories(att);
    Files.write(att.resolve("bundle-of-the-signed-block"), prefixed(0, bundle));
    Files.write(att.resolve("bundle-for-another-block"), prefixed(1, bundle));
    Files.write(att.resolve("attesters-file"), prefixed(2, attesters));
    Files.write(att.resolve("fabric-block-carrying-its-bundle"), prefixed(3,
        FabricAttestations.embed(blockBytes, bundle)));
  }

  /**
   * Reproducers of findings, kept in the attestation corpus: an attestation naming a chain id
   * (and a bundle naming a format) with a terminal escape and a line break, which the decision's
   * reasons and the refusal echoed. {@code -Dtest=ChainSeeds#reproducers}.
   */
  @Test
  void reproducers() throws Exception {
    String evil = "\u001b[2Jmychannel\npqzk: attested";
    List<Attestation> atts = new ArrayList<>(io.pqzk.chains.attest.Attestations.parse(
        Files.readAllBytes(OUT.resolve("bundle.bin")), "bundle"));
    atts.set(0, atts.get(0).toBuilder().setChainId(evil).build());
    Path att = OUT.resolve("AttestationFuzzTestInputs/decide");
    Files.write(att.resolve("finding-escapes-in-attestation-chain-id"), prefixed(0,
        Attestations.bundle(atts)));
    Files.write(att.resolve("finding-escapes-in-bundle-format"), prefixed(0,
        io.pqzk.chains.proto.AttestationBundle.newBuilder().setFormat(evil).addAllAttestations(atts)
            .build().toByteArray()));
  }

  static byte[] prefixed(int b, byte[] bytes) {
    byte[] out = new byte[bytes.length + 1];
    out[0] = (byte) b;
    System.arraycopy(bytes, 0, out, 1, bytes.length);
    return out;
  }
}
