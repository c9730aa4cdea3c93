/**
 * Key encodings: X.509 SubjectPublicKeyInfo and PKCS#8 with the RFC 9881 (ML-DSA) and RFC 9909
 * (SLH-DSA) identifiers, PEM (RFC 7468), and private keys encrypted at rest (PBES2 with scrypt
 * and AES-256-GCM). Decoding checks what it reads (lengths, an embedded public key against the
 * private key, RFC 9881 "both" keys against their seed) and fails with a typed exception; a wrong
 * passphrase or an altered file is detected, never decrypted to garbage. Writing a private key in
 * clear takes a method whose name says {@code Unencrypted}.
 */
package io.pqzk.sig.encoding;
