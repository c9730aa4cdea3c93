package io.pqzk.zk.zokrates;

/**
 * The result of a Groth16/GM17 setup: the verification key as ZoKrates' {@code
 * verification.key.json} and the proving key in arkworks' serialisation (ZoKrates' {@code
 * proving.key}).
 */
public final class Keypair {
  private final String verificationKeyJson;
  private final byte[] provingKey;

  public Keypair(String verificationKeyJson, byte[] provingKey) {
    this.verificationKeyJson = verificationKeyJson;
    this.provingKey = provingKey.clone();
  }

  public String verificationKeyJson() {
    return verificationKeyJson;
  }

  public byte[] provingKey() {
    return provingKey.clone();
  }

  byte[] provingKeyUnsafe() {
    return provingKey;
  }

  @Override
  public String toString() {
    return "Keypair[proving key " + provingKey.length + " bytes]";
  }
}
