/**
 * Record registries: the records CSV, the depth-20 Merkle tree of commitments per proof system,
 * and its files.
 *
 * <h2>Files of a registry directory</h2>
 *
 * <ul>
 *   <li>{@code registry.json} (public): {@code format} ("pqzk-registry/1", or "pqzk-registry/2"
 *       with {@code schema} "pqzk-record/2" for records with document digests), {@code system}
 *       (the proof-system id whose {@link io.pqzk.zk.RegistryHash} made it), {@code depth} (20),
 *       {@code digest_bytes}, {@code size}, {@code root} and {@code commitments} (hex, row
 *       order). Loading recomputes the root from the commitments and refuses a mismatch, unless
 *       a {@link io.pqzk.zk.registry.RootCache} holds the file's exact bytes as checked.
 *   <li>{@code openings.json} (secret, mode 0600): {@code format} ("pqzk-openings/1", or
 *       "pqzk-openings/2"), {@code system}, {@code root} (binds it to one registry) and
 *       {@code openings}: for each row its {@code index}, the seven attributes, {@code salt} (two
 *       decimal strings, each below 2^63, from {@link java.security.SecureRandom}) and, schema 2,
 *       {@code document_sha256}. An opening is checked against its commitment before it is used.
 * </ul>
 *
 * <p>Both files are written atomically (temporary file, then rename), the openings first. The
 * salt keeps low-entropy attributes (a blood group has 8 values) from being recovered from a
 * commitment by trying every record.
 */
package io.pqzk.zk.registry;
