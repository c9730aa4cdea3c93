package io.pqzk.chains;

import com.google.protobuf.ByteString;
import io.pqzk.chains.internal.FabricAdapter;
import java.util.Optional;
import org.hyperledger.fabric.protos.common.Block;
import org.hyperledger.fabric.protos.common.BlockMetadata;

/**
 * Carrying attestations the way a Fabric operator would: in the block's own metadata, at index
 * {@link #INDEX} (the first one Fabric does not define), leaving the header, the data and
 * Fabric's metadata entries 0..4, the orderers' ECDSA signatures among them, byte for byte as
 * they were. The block hash and what attestations sign stay the same, so a block carrying its
 * attestations still verifies against them.
 */
public final class FabricAttestations {
  /** The metadata index attestations are carried at. */
  public static final int INDEX = FabricAdapter.FIRST_FOREIGN_INDEX;

  private FabricAttestations() {}

  /**
   * The block with {@code bundle} at metadata index {@link #INDEX} (empty entries added below it
   * when the block has fewer); an existing entry there is replaced.
   *
   * @throws ChainException when {@code block} is not a Fabric block whose commitments hold
   */
  public static byte[] embed(byte[] block, byte[] bundle) throws ChainException {
    new FabricAdapter().parse(block);
    Block b = FabricAdapter.decode(block);
    BlockMetadata.Builder m = b.getMetadata().toBuilder();
    while (m.getMetadataCount() <= INDEX) {
      m.addMetadata(ByteString.EMPTY);
    }
    m.setMetadata(INDEX, ByteString.copyFrom(bundle));
    return b.toBuilder().setMetadata(m).build().toByteArray();
  }

  /** The bytes at metadata index {@link #INDEX}, if the block carries any. */
  public static Optional<byte[]> read(byte[] block) throws ChainException {
    Block b = FabricAdapter.decode(block);
    if (b.getMetadata().getMetadataCount() <= INDEX
        || b.getMetadata().getMetadata(INDEX).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(b.getMetadata().getMetadata(INDEX).toByteArray());
  }
}
