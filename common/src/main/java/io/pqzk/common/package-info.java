/**
 * What every pqzk module that writes files shares: {@link io.pqzk.common.DurableFiles}, the one
 * durable write (temporary file, fsync, atomic rename, fsync of the folder). No dependencies.
 */
package io.pqzk.common;
