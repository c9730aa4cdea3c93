package io.pqzk.chains.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.pqzk.chains.ChainAdapter;
import io.pqzk.chains.ChainAdapters;
import io.pqzk.chains.ChainException;
import io.pqzk.chains.CommitmentMismatchException;
import io.pqzk.chains.ForeignBlock;
import io.pqzk.chains.MalformedBlockException;
import io.pqzk.ledger.crypto.Hashes;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockHeader;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;

/**
 * Hyperledger Fabric blocks ({@code common.Block}, serialized). The block hash is Fabric's header
 * hash, SHA-256 of the ASN.1 DER {@code SEQUENCE { INTEGER number, OCTET STRING previous_hash,
 * OCTET STRING data_hash }} ({@code protoutil.BlockHeaderHash}); the data hash is checked against
 * SHA-256 of the data entries joined ({@code protoutil.ComputeBlockDataHash}); the channel is read
 * from every envelope's channel header, which must all agree.
 *
 * <p>The header hash leaves the metadata out. Attestations also cover Fabric's own metadata
 * entries, indices 0 to 4 (SIGNATURES: the orderers' signatures and the last config index and
 * consenter metadata they sign; LAST_CONFIG; TRANSACTIONS_FILTER: the committing peer's validation
 * codes; ORDERER; COMMIT_HASH), through {@link #coveredDigest}. Indices from {@link
 * #FIRST_FOREIGN_INDEX} on are not Fabric's (attestations are carried there) and are not covered.
 */
public final class FabricAdapter implements ChainAdapter {
  static final String NAME = ChainAdapters.FABRIC;
  /** The first metadata index Fabric does not define (its indices run 0..4). */
  public static final int FIRST_FOREIGN_INDEX = 5;
  static final String METADATA_TAG = "pqzk/v1/fabric-metadata";
  static final int MAX_INPUT = 128 << 20;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ForeignBlock parse(byte[] input) throws ChainException {
    Block block = decode(input);
    BlockHeader h = block.getHeader();
    if (!block.hasHeader() || h.getDataHash().isEmpty()) {
      throw malformed("no header or no data hash");
    }
    if (h.getNumber() < 0) {
      throw malformed("block number " + Long.toUnsignedString(h.getNumber()) + " beyond 2^63-1");
    }
    if (h.getNumber() > 0 && h.getPreviousHash().size() != 32) {
      throw malformed("previous hash of " + h.getPreviousHash().size() + " bytes, not 32");
    }
    byte[] dataHash = sha256(block.getData().getDataList());
    if (!MessageDigest.isEqual(dataHash, h.getDataHash().toByteArray())) {
      throw new CommitmentMismatchException("data hash", h.getNumber(),
          h.getDataHash().toByteArray(), dataHash);
    }
    String channel = channel(block);
    return new ForeignBlock(NAME, channel, h.getNumber(), headerHash(h),
        h.getPreviousHash().toByteArray(), coveredDigest(block, channel),
        "common.Block with " + block.getData().getDataCount() + " envelope"
            + (block.getData().getDataCount() == 1 ? "" : "s"));
  }

  /** Decodes a serialized block, refusing anything but its canonical encoding. */
  public static Block decode(byte[] input) throws MalformedBlockException {
    if (input.length == 0) {
      throw malformed("empty input");
    }
    if (input.length > MAX_INPUT) {
      throw malformed(input.length + " bytes, more than the " + MAX_INPUT + " read");
    }
    Block block;
    try {
      block = Block.parseFrom(input);
    } catch (InvalidProtocolBufferException e) {
      throw malformed("not a common.Block protobuf: " + e.getMessage());
    }
    if (!block.getUnknownFields().asMap().isEmpty()
        || !Arrays.equals(block.toByteArray(), input)) {
      throw malformed("not the canonical encoding of a common.Block (unknown fields, or"
          + " fields out of order or repeated)");
    }
    return block;
  }

  /** Fabric's header hash: SHA-256 of the DER of (number, previous hash, data hash). */
  public static byte[] headerHash(BlockHeader h) {
    ASN1EncodableVector v = new ASN1EncodableVector();
    v.add(new ASN1Integer(new BigInteger(Long.toUnsignedString(h.getNumber()))));
    v.add(new DEROctetString(h.getPreviousHash().toByteArray()));
    v.add(new DEROctetString(h.getDataHash().toByteArray()));
    try {
      return sha256(java.util.List.of(
          ByteString.copyFrom(new DERSequence(v).getEncoded(ASN1Encoding.DER))));
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding in memory failed", e);
    }
  }

  /**
   * SHA-256 under the tag {@code pqzk/v1/fabric-metadata} and the channel of Fabric's metadata
   * entries 0..4, each as a 4-byte big-endian length and its bytes (an absent entry is empty).
   */
  public static byte[] coveredDigest(Block block, String channel) {
    int n = block.getMetadata().getMetadataCount();
    byte[][] parts = new byte[FIRST_FOREIGN_INDEX][];
    for (int i = 0; i < FIRST_FOREIGN_INDEX; i++) {
      byte[] entry = i < n ? block.getMetadata().getMetadata(i).toByteArray() : new byte[0];
      parts[i] = ByteBuffer.allocate(4 + entry.length).putInt(entry.length).put(entry).array();
    }
    return Hashes.hash(METADATA_TAG, channel, parts);
  }

  private static String channel(Block block) throws MalformedBlockException {
    String channel = null;
    int i = 0;
    if (block.getData().getDataCount() == 0) {
      throw malformed("block " + block.getHeader().getNumber() + " has no envelopes, so no"
          + " channel");
    }
    for (ByteString d : block.getData().getDataList()) {
      String c;
      try {
        Payload p = Payload.parseFrom(Envelope.parseFrom(d).getPayload());
        c = ChannelHeader.parseFrom(p.getHeader().getChannelHeader()).getChannelId();
      } catch (InvalidProtocolBufferException e) {
        throw malformed("envelope " + i + " is not an Envelope with a channel header: "
            + e.getMessage());
      }
      if (c.isEmpty()) {
        throw malformed("envelope " + i + " names no channel");
      }
      if (channel != null && !channel.equals(c)) {
        throw malformed("envelope " + i + " is for channel '" + c + "', envelope 0 for '"
            + channel + "'");
      }
      channel = c;
      i++;
    }
    return channel;
  }

  private static byte[] sha256(java.util.List<ByteString> parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (ByteString p : parts) {
        md.update(p.asReadOnlyByteBuffer());
      }
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static MalformedBlockException malformed(String message) {
    return new MalformedBlockException(NAME, message);
  }
}
