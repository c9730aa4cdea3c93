package io.pqzk.chains.attest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.pqzk.chains.ChainAdapters;
import io.pqzk.chains.FabricAttestations;
import io.pqzk.chains.Fixtures;
import io.pqzk.chains.ForeignBlock;
import io.pqzk.chains.proto.Attestation;
import io.pqzk.ledger.quorum.QuorumCertificates;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.common.Block;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The k-of-n decision on real blocks, 3 of 4 attesters: met; one short; a signature by a key
 * outside the attesters file; an attestation of another block; a changed block; a bad signature
 * among enough good ones; SLH-DSA required; and Fabric's own carrier.
 */
class QuorumDecisionTest {
  static Keys keys;
  static Attesters eth;
  static ForeignBlock prague;
  static ForeignBlock fabric3;
  static Attesters fab;

  @BeforeAll
  static void setUp() throws Exception {
    keys = new Keys(4, false);
    eth = keys.attesters("ethereum", "1", 3, false);
    prague = ChainAdapters.forName("ethereum")
        .parse(Fixtures.bytes("ethereum/mainnet-23094898.json"));
    fab = keys.attesters("fabric", "mychannel", 0, false);
    fabric3 = ChainAdapters.forName("fabric").parse(Fixtures.bytes("fabric/mychannel-3.block"));
  }

  static List<Attestation> sign(ForeignBlock b, String chainId, int... who) {
    List<Attestation> out = new ArrayList<>();
    for (int i : who) {
      out.add(Attestations.sign(b, chainId, keys.mlDsa.get(i), null));
    }
    return out;
  }

  @Test
  void decide_threeOfFour_attested() throws Exception {
    Decision d = QuorumDecision.decide(prague, eth, eth.quorum(), sign(prague, "1", 0, 2, 3));
    assertTrue(d.attested(), d.toString());
    assertEquals(List.of("attester-0", "attester-2", "attester-3"), d.counted());
    // the certificate is the ledger's own: it verifies with the same machinery as commits
    QuorumCertificates.verify(d.certificate().orElseThrow(),
        Attestations.statement(prague, "1"), eth.signerSet(3), "certificate");
  }

  @Test
  void decide_oneShort_notAttested() throws Exception {
    Decision d = QuorumDecision.decide(prague, eth, eth.quorum(), sign(prague, "1", 1, 3));
    assertFalse(d.attested());
    assertTrue(d.certificate().isEmpty());
    // the same attestations twice do not count twice
    List<Attestation> twice = sign(prague, "1", 1, 3);
    twice.add(twice.get(0));
    Decision dup = QuorumDecision.decide(prague, eth, 3, twice);
    assertFalse(dup.attested());
    assertTrue(dup.rejected().get(0).reason().contains("second attestation"), dup.toString());
  }

  @Test
  void decide_signatureFromOutsideTheFile_doesNotCount() throws Exception {
    Keys outsider = new Keys(1, false);
    List<Attestation> atts = sign(prague, "1", 0, 1);
    atts.add(Attestations.sign(prague, "1", outsider.mlDsa.get(0), null));
    Decision d = QuorumDecision.decide(prague, eth, 3, atts);
    assertFalse(d.attested());
    assertEquals(2, d.rejected().get(0).index());
    assertTrue(d.rejected().get(0).reason().contains("outside the attesters file"));
    // an outsider who copies a member's key id into its attestation: the signature fails
    Attestation forged = atts.get(2).toBuilder()
        .setAttesterKeyId(ByteString.copyFrom(keys.mlDsa.get(3).publicKey().keyId())).build();
    Decision f = QuorumDecision.decide(prague, eth, 3, List.of(atts.get(0), atts.get(1), forged));
    assertFalse(f.attested());
    assertTrue(f.rejected().get(0).reason().contains("does not verify"), f.toString());
  }

  @Test
  void decide_attestationForAnotherBlock_doesNotCount() throws Exception {
    ForeignBlock other = ChainAdapters.forName("ethereum")
        .parse(Fixtures.bytes("ethereum/mainnet-23182607.json"));
    List<Attestation> atts = sign(prague, "1", 0, 1);
    atts.addAll(sign(other, "1", 2));
    Decision d = QuorumDecision.decide(prague, eth, 3, atts);
    assertFalse(d.attested());
    assertTrue(d.rejected().get(0).reason().contains("for block 23182607"), d.toString());
    // relabelled with this block's number and hash, its signature does not verify
    Attestation relabelled = atts.get(2).toBuilder().setBlockNumber(prague.number())
        .setBlockHash(ByteString.copyFrom(prague.hash())).build();
    assertFalse(QuorumDecision.decide(prague, eth, 3,
        List.of(atts.get(0), atts.get(1), relabelled)).attested());
    // attested for another chain id (a testnet fork with the same block): refused
    assertFalse(QuorumDecision.decide(prague, eth, 3, sign(prague, "11155111", 0, 1, 2))
        .attested());
  }

  @Test
  void decide_changedBlock_notAttested() throws Exception {
    List<Attestation> atts = sign(prague, "1", 0, 1, 2, 3);
    String edited = Fixtures.text("ethereum/mainnet-23094898.json")
        .replace("\"gasUsed\": \"0x1c06043\"", "\"gasUsed\": \"0x1c06044\"")
        .replaceAll("\"hash\": \"0x[0-9a-f]+\",", "");
    ForeignBlock changed = ChainAdapters.forName("ethereum")
        .parse(edited.getBytes(StandardCharsets.UTF_8));
    Decision d = QuorumDecision.decide(changed, eth, 3, atts);
    assertFalse(d.attested());
    assertEquals(4, d.rejected().size());
  }

  @Test
  void decide_badSignatureAmongEnough_leftOutAndStillAttested() throws Exception {
    List<Attestation> atts = sign(prague, "1", 0, 1, 2, 3);
    byte[] sig = atts.get(1).getMlDsa().toByteArray();
    sig[100] ^= 1;
    atts.set(1, atts.get(1).toBuilder().setMlDsa(ByteString.copyFrom(sig)).build());
    Decision d = QuorumDecision.decide(prague, eth, 3, atts);
    assertTrue(d.attested(), d.toString());
    assertEquals(List.of("attester-0", "attester-2", "attester-3"), d.counted());
    assertEquals(1, d.rejected().get(0).index());
    assertFalse(QuorumDecision.decide(prague, eth, 4, atts).attested());
  }

  @Test
  void decide_slhDsaRequired_needsBoth() throws Exception {
    Keys both = new Keys(4, true);
    Attesters strict = both.attesters("ethereum", "1", 3, true);
    List<Attestation> full = new ArrayList<>();
    List<Attestation> mlOnly = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      full.add(Attestations.sign(prague, "1", both.mlDsa.get(i), both.slhDsa.get(i)));
      mlOnly.add(Attestations.sign(prague, "1", both.mlDsa.get(i), null));
    }
    assertTrue(QuorumDecision.decide(prague, strict, 3, full).attested());
    assertFalse(QuorumDecision.decide(prague, strict, 3, mlOnly).attested());
    byte[] slh = full.get(0).getSlhDsa().toByteArray();
    slh[7] ^= 1;
    full.set(0, full.get(0).toBuilder().setSlhDsa(ByteString.copyFrom(slh)).build());
    assertFalse(QuorumDecision.decide(prague, strict, 3, full).attested());
  }

  /** Carried in the block's metadata, the ECDSA signatures untouched, read back and decided. */
  @Test
  void fabricCarrier_roundTrip_keepsSignaturesAndVerifies() throws Exception {
    assertEquals(3, fab.quorum());
    byte[] original = Fixtures.bytes("fabric/mychannel-3.block");
    List<Attestation> atts = sign(fabric3, "mychannel", 0, 1, 3);
    byte[] carried = FabricAttestations.embed(original, Attestations.bundle(atts));
    Block before = Block.parseFrom(original);
    Block after = Block.parseFrom(carried);
    assertEquals(before.getHeader(), after.getHeader());
    assertEquals(before.getData(), after.getData());
    for (int i = 0; i < before.getMetadata().getMetadataCount(); i++) {
      assertEquals(before.getMetadata().getMetadata(i), after.getMetadata().getMetadata(i));
    }
    ForeignBlock reread = ChainAdapters.forName("fabric").parse(carried);
    List<Attestation> back = Attestations.parse(FabricAttestations.read(carried).orElseThrow(),
        "metadata");
    assertTrue(QuorumDecision.decide(reread, fab, fab.quorum(), back).attested());
    assertTrue(FabricAttestations.read(original).isEmpty());
    // another channel's attesters file is refused outright
    Attesters other = keys.attesters("fabric", "otherchannel", 0, false);
    assertThrows(AttestationException.class,
        () -> QuorumDecision.decide(reread, other, 3, back));
  }

  @Test
  void parse_malformedFiles_refused() throws Exception {
    byte[] ok = Attestations.bundle(sign(prague, "1", 0));
    assertEquals(1, Attestations.parse(ok, "att").size());
    byte[] trailing = java.util.Arrays.copyOf(ok, ok.length + 2);
    trailing[ok.length] = 0x08; // field 1 again, as a varint
    assertThrows(AttestationException.class, () -> Attestations.parse(trailing, "att"));
    assertThrows(AttestationException.class, () -> Attestations.parse(new byte[] {1, 2}, "x"));
    byte[] file = Attesters.file("ethereum", "1", 3, false, keys.names, Keys.pub(keys.mlDsa),
        List.of());
    String text = new String(file, StandardCharsets.UTF_8);
    assertThrows(AttestationException.class, () -> Attesters.parse(
        text.replace("pqzk-attesters/v1", "pqzk-attesters/v0").getBytes(StandardCharsets.UTF_8)));
    assertThrows(AttestationException.class, () -> Attesters.parse(
        text.replace("\"quorum\": 3", "\"quorum\": 5").getBytes(StandardCharsets.UTF_8)));
    String keyId = keys.mlDsa.get(0).publicKey().keyIdHex();
    assertThrows(AttestationException.class, () -> Attesters.parse(text.replace(keyId,
        keyId.substring(1) + "0").getBytes(StandardCharsets.UTF_8)));
  }
}
