package io.pqzk.ledger.fuzz;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import io.pqzk.ledger.BlockRejectedException;
import io.pqzk.ledger.proto.Block;
import io.pqzk.ledger.proto.BlockHeader;
import io.pqzk.ledger.proto.QuorumCertificate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A commit certificate's domain and chain id are written by whoever relays the block: a block
 * whose carried certificate names a chain id with a terminal escape and a line break (its header
 * rehashed to match, so no key is needed to get that far) is refused with a message that does
 * not echo them. Found by the printable-message check of the ledger's fuzz targets.
 */
class StrangersTextTest {
  static final String EVIL = "\u001b[2J\u001b[31mpqzk: block 2 verified OK\npqzk";

  /** The real commit certificate of block 1, renamed to {@code chainId} and {@code domain}. */
  static QuorumCertificate renamed(String chainId, String domain) throws Exception {
    LedgerFixture f = LedgerFixture.get();
    byte[] carried = f.rules.validate(LedgerFixture.resource("next/empty.bin"), f.state).block()
        .getLastCommit().toByteArray();
    return QuorumCertificate.parseFrom(carried).toBuilder().setChainId(chainId)
        .setDomain(domain).build();
  }

  /** Block 2 carrying {@code qc}, its header's last_commit_hash made to match. */
  static byte[] blockCarrying(QuorumCertificate qc) throws Exception {
    LedgerFixture f = LedgerFixture.get();
    Block b = Block.parseFrom(LedgerFixture.resource("next/empty.bin"));
    BlockHeader h = BlockHeader.parseFrom(b.getHeader()).toBuilder()
        .setLastCommitHash(ByteString.copyFrom(f.rules.lastCommitHash(qc.toByteArray()))).build();
    return b.toBuilder().setHeader(h.toByteString()).setLastCommit(qc.toByteString()).build()
        .toByteArray();
  }

  @Test
  void certificateChainIdWithEscapes_notEchoed() throws Exception {
    LedgerFixture f = LedgerFixture.get();
    BlockRejectedException e = assertThrows(BlockRejectedException.class, () -> f.rules
        .validate(blockCarrying(renamed(EVIL, "pqzk/v1/commit")), f.state));
    LedgerFixture.printable(e);
  }

  @Test
  void certificateDomainWithEscapes_notEchoed() throws Exception {
    LedgerFixture f = LedgerFixture.get();
    QuorumCertificate qc = renamed(f.genesis.chainId(), EVIL);
    BlockRejectedException e = assertThrows(BlockRejectedException.class,
        () -> f.rules.validate(blockCarrying(qc), f.state));
    LedgerFixture.printable(e);
    byte[] input = Arrays.copyOf(new byte[] {1}, qc.getSerializedSize() + 1);
    System.arraycopy(qc.toByteArray(), 0, input, 1, qc.getSerializedSize());
    new QuorumCertificateFuzzTest().verify(input);
  }
}
