/**
 * One entry point for any supported vector file, its format recognised from the content:
 * {@link io.pqzk.vectors.load.VectorFiles#load(java.nio.file.Path)}.
 */
package io.pqzk.vectors.load;
