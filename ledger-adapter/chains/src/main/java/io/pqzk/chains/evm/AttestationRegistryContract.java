package io.pqzk.chains.evm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint64;

/**
 * The {@code AttestationRegistry} contract ({@link #SOURCE}): an EVM chain's record of which
 * foreign blocks were attested, as the block hash and the SHA-256 of the quorum certificate
 * that gathered the attestations, per (chain, chain id, block number). Written once per block,
 * only by the account that deployed it.
 */
public final class AttestationRegistryContract {
  /** Class-path resource holding the contract's Solidity source. */
  public static final String SOURCE = "/io/pqzk/chains/evm/AttestationRegistry.sol";

  private final EvmChain chain;
  private final String address;

  public AttestationRegistryContract(EvmChain chain, String address) {
    this.chain = chain;
    this.address = address;
  }

  /** The Solidity source, to compile with solc. */
  public static String source() {
    try (InputStream in = AttestationRegistryContract.class.getResourceAsStream(SOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SOURCE + " missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Records one attested block; the receipt says whether the contract accepted it. */
  public EvmChain.Receipt record(String foreignChain, String chainId, long number,
      byte[] blockHash, byte[] certificateDigest) throws EvmException {
    Function f = new Function("record", List.of(new Utf8String(foreignChain),
        new Utf8String(chainId), new Uint64(BigInteger.valueOf(number)), new Bytes32(blockHash),
        new Bytes32(certificateDigest)), List.of());
    return chain.transact(address, FunctionEncoder.encode(f));
  }

  /** The recorded block hash and certificate digest, or empty when the block is not recorded. */
  public Optional<byte[][]> lookup(String foreignChain, String chainId, long number)
      throws EvmException {
    Function f = new Function("lookup", List.of(new Utf8String(foreignChain),
        new Utf8String(chainId), new Uint64(BigInteger.valueOf(number))),
        List.of(new TypeReference<Bytes32>() {}, new TypeReference<Bytes32>() {}));
    Optional<String> out = chain.call(address, FunctionEncoder.encode(f));
    if (out.isEmpty()) {
      throw new EvmException("lookup reverted");
    }
    @SuppressWarnings("rawtypes")
    List<Type> values = FunctionReturnDecoder.decode(out.get(), f.getOutputParameters());
    byte[] hash = (byte[]) values.get(0).getValue();
    byte[] digest = (byte[]) values.get(1).getValue();
    if (Arrays.equals(digest, new byte[32])) {
      return Optional.empty();
    }
    return Optional.of(new byte[][] {hash, digest});
  }
}
