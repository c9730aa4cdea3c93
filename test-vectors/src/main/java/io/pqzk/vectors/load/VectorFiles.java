package io.pqzk.vectors.load;

import io.pqzk.vectors.VectorFormatException;
import io.pqzk.vectors.VectorIo;
import io.pqzk.vectors.VectorSet;

import com.google.gson.JsonObject;
import io.pqzk.vectors.acvp.AcvpLoader;
import io.pqzk.vectors.kat.KatLoader;
import io.pqzk.vectors.wycheproof.WycheproofLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads any supported vector file, recognising its format from the content (never the name):
 * JSON with {@code algorithm}/{@code mode}/{@code testGroups} is ACVP, JSON with {@code schema}
 * is Wycheproof, text starting with {@code count = } is a {@code .rsp} KAT. Gzip is recognised by
 * its magic bytes.
 */
public final class VectorFiles {
  private VectorFiles() {}

  /**
   * Loads {@code file}; an ACVP prompt or expectedResults file is joined with its companion in
   * the same folder when present (see {@link AcvpLoader#load}).
   *
   * @throws VectorFormatException if the content is none of the supported formats or is malformed
   * @throws IOException if the file cannot be read
   */
  public static VectorSet load(Path file) throws IOException {
    byte[] data = VectorIo.readAll(file);
    int i = 0;
    while (i < data.length && Character.isWhitespace(data[i])) {
      i++;
    }
    if (i < data.length && data[i] == '{') {
      JsonObject json = VectorIo.parseJson(data);
      if (AcvpLoader.isAcvp(json)) {
        return AcvpLoader.load(file);
      }
      if (WycheproofLoader.isWycheproof(json)) {
        try {
          return WycheproofLoader.parse(json);
        } catch (VectorFormatException e) {
          throw new VectorFormatException(file + ": " + e.getMessage(), e);
        }
      }
      throw new VectorFormatException(file + ": JSON that is neither an ACVP vector set "
          + "(algorithm, mode, testGroups) nor a Wycheproof file (schema, testGroups)");
    }
    if (KatLoader.looksLikeKat(data)) {
      try {
        return KatLoader.parse(new ByteArrayInputStream(data));
      } catch (VectorFormatException e) {
        throw new VectorFormatException(file + ": " + e.getMessage(), e);
      }
    }
    throw new VectorFormatException(
        file + ": not a recognised vector file (ACVP JSON, Wycheproof JSON or .rsp KAT text)");
  }
}
