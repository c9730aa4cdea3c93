package io.pqzk.chains.evm;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * The Solidity verifier ZoKrates exports for a Groth16 (BN254) verification key, deployed on an
 * EVM chain: {@code verifyTx(Proof, uint[n])} checks the pairing equation with the chain's
 * precompiles (EIP-196/197). Calls are encoded from ZoKrates' own {@code proof.json}; a proof
 * whose pairing check fails returns false, one with a point off the curve reverts, and both are
 * "refused" here. Not post-quantum, like Groth16 itself.
 */
public final class ClaimVerifierContract {
  private final EvmChain chain;
  private final String address;

  public ClaimVerifierContract(EvmChain chain, String address) {
    this.chain = chain;
    this.address = address;
  }

  /** What the contract said of a proof, and the gas a transaction making the check used. */
  public record Verdict(boolean accepted, long gasUsed) {}

  /** Calls {@code verifyTx} (read-only), then sends it as a transaction to record its gas. */
  public Verdict verify(String proofJson) throws EvmException {
    String data = calldata(proofJson);
    Optional<String> out = chain.call(address, data);
    boolean accepted = out.isPresent() && !out.get().isEmpty()
        && new BigInteger(strip(out.get()), 16).equals(BigInteger.ONE);
    EvmChain.Receipt r = chain.transact(address, data);
    return new Verdict(accepted && r.succeeded(), r.gasUsed());
  }

  /**
   * The call data of {@code verifyTx} for a ZoKrates g16 {@code proof.json}: the selector of
   * {@code verifyTx(((uint256,uint256),(uint256[2],uint256[2]),(uint256,uint256)),uint256[n])}
   * and the static ABI words a, b, c and the inputs.
   *
   * @throws EvmException when the proof JSON does not have that shape
   */
  public static String calldata(String proofJson) throws EvmException {
    List<BigInteger> words = new ArrayList<>();
    int inputs;
    try {
      JsonObject root = JsonParser.parseString(proofJson).getAsJsonObject();
      JsonObject p = root.getAsJsonObject("proof");
      addAll(words, p.getAsJsonArray("a"));
      for (JsonElement e : p.getAsJsonArray("b")) {
        addAll(words, e.getAsJsonArray());
      }
      addAll(words, p.getAsJsonArray("c"));
      JsonArray in = root.getAsJsonArray("inputs");
      inputs = in.size();
      addAll(words, in);
    } catch (RuntimeException e) {
      throw new EvmException("not a ZoKrates g16 proof.json: " + e.getMessage(), e);
    }
    if (words.size() != 8 + inputs) {
      throw new EvmException("a g16 proof has 8 coordinates, this one " + (words.size() - inputs));
    }
    String signature = "verifyTx(((uint256,uint256),(uint256[2],uint256[2]),(uint256,uint256)),"
        + "uint256[" + inputs + "])";
    StringBuilder sb = new StringBuilder("0x").append(selector(signature));
    for (BigInteger w : words) {
      if (w.signum() < 0 || w.bitLength() > 256) {
        throw new EvmException("a proof value is not a 256-bit word");
      }
      sb.append(String.format("%64s", w.toString(16)).replace(' ', '0'));
    }
    return sb.toString();
  }

  static String selector(String signature) {
    byte[] s = signature.getBytes(StandardCharsets.US_ASCII);
    KeccakDigest d = new KeccakDigest(256);
    d.update(s, 0, s.length);
    byte[] h = new byte[32];
    d.doFinal(h, 0);
    return HexFormat.of().formatHex(h, 0, 4);
  }

  private static void addAll(List<BigInteger> words, JsonArray a) {
    for (JsonElement e : a) {
      words.add(new BigInteger(strip(e.getAsString()), 16));
    }
  }

  private static String strip(String hex) {
    String h = hex.startsWith("0x") ? hex.substring(2) : hex;
    return h.isEmpty() ? "0" : h;
  }
}
