package io.pqzk.chains.evm;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Optional;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;

/**
 * An EVM chain reached over JSON-RPC (web3j), with one local signing key: deploys contracts,
 * sends transactions and makes read-only calls. Transactions are legacy EIP-155 transactions
 * signed here; their receipts are read once, right after sending, so this is meant for nodes that
 * mine on receipt (development nodes) or for callers that accept "not yet mined" as a failure.
 */
public final class EvmChain implements AutoCloseable {
  /** Enough for any contract here and for a Groth16 verification. */
  public static final BigInteger GAS_LIMIT = BigInteger.valueOf(6_000_000);

  private final Web3j web3j;
  private final Credentials credentials;
  private final RawTransactionManager tx;

  private EvmChain(Web3j web3j, Credentials credentials, long chainId) {
    this.web3j = web3j;
    this.credentials = credentials;
    this.tx = new RawTransactionManager(web3j, credentials, chainId);
  }

  /** Connects to {@code rpcUrl}, signing with {@code privateKeyHex}; reads the chain id. */
  public static EvmChain connect(String rpcUrl, String privateKeyHex) throws EvmException {
    Web3j w = Web3j.build(new HttpService(rpcUrl));
    try {
      long chainId = w.ethChainId().send().getChainId().longValueExact();
      return new EvmChain(w, Credentials.create(privateKeyHex), chainId);
    } catch (IOException | RuntimeException e) {
      w.shutdown();
      throw new EvmException("cannot reach the EVM node at " + rpcUrl + ": " + e.getMessage(), e);
    }
  }

  /** The account that signs. */
  public String address() {
    return credentials.getAddress();
  }

  /** A contract created from {@code bytecodeHex}; returns its address and the gas it took. */
  public Receipt deploy(String bytecodeHex) throws EvmException {
    TransactionReceipt r = send(null, bytecodeHex.startsWith("0x") ? bytecodeHex
        : "0x" + bytecodeHex);
    if (r.getContractAddress() == null) {
      throw new EvmException("deployment mined without a contract address");
    }
    return new Receipt(r.getContractAddress(), r.getGasUsed().longValueExact(), r.isStatusOK());
  }

  /** A transaction calling {@code to} with {@code data}; its receipt (status and gas used). */
  public Receipt transact(String to, String data) throws EvmException {
    TransactionReceipt r = send(to, data);
    return new Receipt(to, r.getGasUsed().longValueExact(), r.isStatusOK());
  }

  /** A read-only call; the returned data (hex), or empty when the call reverted. */
  public Optional<String> call(String to, String data) throws EvmException {
    try {
      EthCall c = web3j.ethCall(Transaction.createEthCallTransaction(address(), to, data),
          DefaultBlockParameterName.LATEST).send();
      if (c.isReverted() || c.hasError()) {
        return Optional.empty();
      }
      return Optional.of(c.getValue());
    } catch (IOException e) {
      throw new EvmException("eth_call to " + to + " failed: " + e.getMessage(), e);
    }
  }

  private TransactionReceipt send(String to, String data) throws EvmException {
    try {
      BigInteger gasPrice = web3j.ethGasPrice().send().getGasPrice();
      EthSendTransaction s = tx.sendTransaction(gasPrice, GAS_LIMIT, to, data, BigInteger.ZERO);
      if (s.hasError()) {
        throw new EvmException("transaction refused: " + s.getError().getMessage());
      }
      Optional<TransactionReceipt> r = web3j.ethGetTransactionReceipt(s.getTransactionHash())
          .send().getTransactionReceipt();
      if (r.isEmpty()) {
        throw new EvmException("transaction " + s.getTransactionHash() + " not mined on receipt");
      }
      return r.get();
    } catch (IOException e) {
      throw new EvmException("sending a transaction failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    web3j.shutdown();
  }

  /** What a mined transaction did: the contract it went to (or created), gas, success. */
  public record Receipt(String contract, long gasUsed, boolean succeeded) {}
}
