package io.pqzk.chains;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import io.pqzk.chains.internal.FabricAdapter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.hyperledger.fabric.protos.common.Block;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real Fabric blocks (SOURCES.md). Fabric publishes no block hashes: block n's computed header
 * hash is checked against block n+1's previous hash, which is what Fabric itself checks.
 */
class FabricBlocksTest {
  static final ChainAdapter FABRIC = ChainAdapters.forName("fabric");
  static final int LEDGER_BLOCKS = 8;

  static byte[] ledgerBlock(int n) {
    return Fixtures.bytes("fabric/mychannel-" + n + ".block");
  }

  static Stream<Integer> linked() {
    return IntStream.range(0, LEDGER_BLOCKS - 1).boxed();
  }

  @ParameterizedTest(name = "mychannel block {0}")
  @MethodSource("linked")
  void parse_ledgerBlock_hashIsTheNextBlocksPreviousHash(int n) throws Exception {
    ForeignBlock b = FABRIC.parse(ledgerBlock(n));
    Block next = Block.parseFrom(ledgerBlock(n + 1));
    assertEquals(n, b.number());
    assertEquals("mychannel", b.chainId().orElseThrow());
    assertEquals(HexFormat.of().formatHex(next.getHeader().getPreviousHash().toByteArray()),
        HexFormat.of().formatHex(b.hash()));
  }

  @Test
  void checkLinks_wholeLedger_links() throws ChainException {
    List<ForeignBlock> chain = new ArrayList<>();
    for (int n = 0; n < LEDGER_BLOCKS; n++) {
      chain.add(FABRIC.parse(ledgerBlock(n)));
    }
    Sequences.checkLinks(chain);
    List<ForeignBlock> reordered = new ArrayList<>(chain);
    java.util.Collections.swap(reordered, 3, 4);
    assertThrows(CommitmentMismatchException.class, () -> Sequences.checkLinks(reordered));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"cluster-block3.block", "cluster-mychannel-genesis.block"})
  void parse_ordererTestBlocks_dataHashHolds(String file) throws ChainException {
    ForeignBlock b = FABRIC.parse(Fixtures.bytes("fabric/" + file));
    assertEquals(32, b.hash().length);
    assertEquals(32, b.coveredDigest().length);
  }

  /** Header fields feed the hash; a changed data entry breaks the data hash. */
  @ParameterizedTest(name = "mychannel block {0}")
  @MethodSource("linked")
  void parse_editedBlock_changesHashOrIsRejected(int n) throws Exception {
    Block block = Block.parseFrom(ledgerBlock(n));
    byte[] hash = FABRIC.parse(ledgerBlock(n)).hash();
    Block number = block.toBuilder().setHeader(block.getHeader().toBuilder()
        .setNumber(n + 100)).build();
    if (n == 0) {
      // a genesis block has no previous hash; any other block must have one
      assertThrows(MalformedBlockException.class, () -> FABRIC.parse(number.toByteArray()));
    } else {
      assertFalse(Arrays.equals(hash, FABRIC.parse(number.toByteArray()).hash()));
      Block prev = block.toBuilder().setHeader(block.getHeader().toBuilder()
          .setPreviousHash(flip(block.getHeader().getPreviousHash()))).build();
      assertFalse(Arrays.equals(hash, FABRIC.parse(prev.toByteArray()).hash()));
    }
    Block dataHash = block.toBuilder().setHeader(block.getHeader().toBuilder()
        .setDataHash(flip(block.getHeader().getDataHash()))).build();
    assertThrows(CommitmentMismatchException.class, () -> FABRIC.parse(dataHash.toByteArray()));
    Block data = block.toBuilder().setData(block.getData().toBuilder()
        .setData(0, flip(block.getData().getData(0)))).build();
    assertThrows(ChainException.class, () -> FABRIC.parse(data.toByteArray()));
  }

  /** Fabric's metadata entries 0..4 are covered by attestations; later indices are not. */
  @Test
  void coveredDigest_fabricMetadataCovered_laterIndicesNot() throws Exception {
    Block block = Block.parseFrom(ledgerBlock(3));
    ForeignBlock b = FABRIC.parse(ledgerBlock(3));
    for (int i = 0; i < block.getMetadata().getMetadataCount(); i++) {
      Block edited = block.toBuilder().setMetadata(block.getMetadata().toBuilder()
          .setMetadata(i, append(block.getMetadata().getMetadata(i)))).build();
      ForeignBlock e = FABRIC.parse(edited.toByteArray());
      assertArrayEquals(b.hash(), e.hash(), "the header hash never covers metadata");
      assertFalse(Arrays.equals(b.coveredDigest(), e.coveredDigest()), "metadata " + i);
    }
    Block.Builder later = block.toBuilder();
    while (later.getMetadata().getMetadataCount() <= FabricAdapter.FIRST_FOREIGN_INDEX) {
      later.getMetadataBuilder().addMetadata(ByteString.EMPTY);
    }
    later.getMetadataBuilder().setMetadata(FabricAdapter.FIRST_FOREIGN_INDEX,
        ByteString.copyFromUtf8("carried"));
    assertArrayEquals(b.subject(), FABRIC.parse(later.build().toByteArray()).subject());
  }

  @Test
  void parse_malformed_refused() {
    byte[] ok = ledgerBlock(1);
    assertThrows(MalformedBlockException.class, () -> FABRIC.parse(new byte[0]));
    assertThrows(MalformedBlockException.class,
        () -> FABRIC.parse(Arrays.copyOf(ok, ok.length - 7)));
    byte[] trailing = Arrays.copyOf(ok, ok.length + 3);
    trailing[ok.length] = (byte) 0xf8; // field 31, varint
    trailing[ok.length + 1] = 0x01;
    trailing[ok.length + 2] = 0x01;
    assertThrows(MalformedBlockException.class, () -> FABRIC.parse(trailing));
    assertThrows(MalformedBlockException.class,
        () -> FABRIC.parse(Fixtures.bytes("ethereum/mainnet-1.json")));
  }

  static ByteString flip(ByteString b) {
    byte[] x = b.toByteArray();
    x[x.length / 2] ^= 1;
    return ByteString.copyFrom(x);
  }

  static ByteString append(ByteString b) {
    return b.concat(ByteString.copyFromUtf8("x"));
  }
}
