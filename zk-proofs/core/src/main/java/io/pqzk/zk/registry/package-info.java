/**
 * Record registries: the records CSV, the depth-20 Merkle tree of commitments per proof system,
 * and its files.
 *
 * <h2>Files of a registry directory</h2>
 *
 * <ul>
 *   <li>{@code registry.json} (public): {@code format} ("pqzk-registry/1"), {@code system} (the
 *       proof-system id whose {@link io.pqzk.zk.RegistryHash} made it), {@code depth} (20),
 *       {@code digest_bytes}, {@code size}, {@code root} and {@code commitments} (hex, row
 *       order). Loading recomputes the root from the commitments and refuses a mismatch.
 *   <li>{@code openings.json} (secret, mode 0600): {@code format} ("pqzk-openings/1"),
 *       {@code system}, {@code root} (binds it to one registry) and {@code openings}: for each
 *       row its {@code index}, the seven attributes and {@code salt} (two decimal strings, each
 *       below 2^63, from {@link java.security.SecureRandom}). An opening is checked against its
 *       commitment before it is used.
 * </ul>
 *
 * <p>Both files are written atomically (temporary file, then rename), the openings first. The
 * salt keeps low-entropy attributes (a blood group has 8 values) from being recovered from a
 * commitment by trying every record.
 */
package io.pqzk.zk.registry;
