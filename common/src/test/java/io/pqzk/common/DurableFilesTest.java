package io.pqzk.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableFilesTest {
  @TempDir Path dir;

  @Test
  void write_createsWithContentAndMode() throws IOException {
    Path f = dir.resolve("a/b/secret.key");
    DurableFiles.write(f, new byte[] {1, 2, 3}, DurableFiles.Access.SECRET,
        DurableFiles.Existing.REFUSE);
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(f));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    assertNoTemporaries(f.getParent());
  }

  @Test
  void refuse_keepsTheExistingFile() throws IOException {
    Path f = dir.resolve("x");
    Files.writeString(f, "old");
    assertThrows(FileAlreadyExistsException.class, () -> DurableFiles.write(f, new byte[] {9},
        DurableFiles.Access.PUBLIC, DurableFiles.Existing.REFUSE));
    assertEquals("old", Files.readString(f));
    assertNoTemporaries(dir);
  }

  @Test
  void replace_swapsTheWholeFile() throws IOException {
    Path f = dir.resolve("x");
    Files.writeString(f, "old content, longer");
    DurableFiles.write(f, "new".getBytes(), DurableFiles.Access.PUBLIC,
        DurableFiles.Existing.REPLACE);
    assertEquals("new", Files.readString(f));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
  }

  @Test
  void failingBody_leavesNothingBehind() throws IOException {
    Path f = dir.resolve("x");
    Files.writeString(f, "old");
    IOException e = assertThrows(IOException.class, () -> DurableFiles.write(f,
        DurableFiles.Access.PUBLIC, DurableFiles.Existing.REPLACE, out -> {
          out.write(new byte[1000]);
          throw new IOException("disk full");
        }));
    assertEquals("disk full", e.getMessage());
    assertEquals("old", Files.readString(f));
    assertNoTemporaries(dir);
  }

  private static void assertNoTemporaries(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      assertEquals(0, s.filter(p -> p.getFileName().toString().endsWith(".tmp")).count());
    }
  }
}
