/**
 * Rescue-Prime Optimized over Goldilocks (ePrint 2022/1577), exactly Winterfell's
 * {@code Rp64_256}: same constants, checked against Winterfell's published test vector.
 */
package io.pqzk.zk.stark.hash;
