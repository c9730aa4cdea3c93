/**
 * Typed loaders for published signature test data. They parse and never judge: malformed input
 * raises {@link io.pqzk.vectors.VectorFormatException} naming the file, the case and the field,
 * and no field is guessed or defaulted. Gzip is recognised by its magic bytes, never by the name.
 */
package io.pqzk.vectors;
