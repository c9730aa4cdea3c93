package io.pqzk.records.custodian;

import java.util.Arrays;

/**
 * Who is calling, as the transport established it: the SHA-256 of the mutual-TLS client
 * certificate the handshake verified (the ledger binds it to a registered reader), or nothing for
 * a call made in-process by a holder of the reader's key (the command line's demo shortcut, where
 * holding the key that signs the request is the authentication).
 *
 * <p>A facade in the custodian's own process (the FHIR server) serves clients that authenticate
 * by their TLS certificate alone and cannot sign requests with ML-DSA: its calls are {@link
 * #certificateOnly}, and their requests carry no signature; the certificate, bound on the chain
 * to the reader, is then the whole authentication.
 */
public final class Caller {
  private static final Caller IN_PROCESS = new Caller(null, false);
  private final byte[] certificateSha256;
  private final boolean unsigned;

  private Caller(byte[] certificateSha256, boolean unsigned) {
    this.certificateSha256 = certificateSha256;
    this.unsigned = unsigned;
  }

  /** A caller authenticated by a TLS client certificate with this SHA-256. */
  public static Caller tls(byte[] certificateSha256) {
    if (certificateSha256 == null || certificateSha256.length != 32) {
      throw new IllegalArgumentException("a certificate fingerprint is 32 bytes");
    }
    return new Caller(certificateSha256.clone(), false);
  }

  /**
   * A caller authenticated by a TLS client certificate with this SHA-256 at a facade in the
   * custodian's process, whose requests are unsigned (the signature field empty).
   */
  public static Caller certificateOnly(byte[] certificateSha256) {
    if (certificateSha256 == null || certificateSha256.length != 32) {
      throw new IllegalArgumentException("a certificate fingerprint is 32 bytes");
    }
    return new Caller(certificateSha256.clone(), true);
  }

  /** A caller in this process, authenticated by the request's own signature. */
  public static Caller inProcess() {
    return IN_PROCESS;
  }

  public boolean isTls() {
    return certificateSha256 != null;
  }

  /** Whether the certificate alone authenticates (a facade's unsigned requests). */
  public boolean isCertificateOnly() {
    return unsigned;
  }

  public byte[] certificateSha256() {
    return certificateSha256 == null ? null : certificateSha256.clone();
  }

  @Override
  public String toString() {
    return certificateSha256 == null ? "in-process caller"
        : (unsigned ? "TLS client (certificate only) " : "TLS client ") + java.util.HexFormat.of().formatHex(Arrays.copyOf(certificateSha256, 8));
  }
}
