package io.pqzk.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * Where a key file's passphrase comes from, in this order: {@code --passphrase-file FILE} (its
 * first line, UTF-8), the environment variable {@code PQZK_PASSPHRASE}, then a prompt on the
 * terminal (twice when a new key is being encrypted). The caller owns the returned array and must
 * wipe it ({@link Arrays#fill(char[], char)}) when done; nothing here keeps a copy or a String.
 */
final class Passphrases {
  static final String ENV = "PQZK_PASSPHRASE";

  /** The environment, replaceable by tests in this package (a JVM cannot change its own). */
  static UnaryOperator<String> environment = System::getenv;

  private Passphrases() {}

  /** A passphrase to decrypt an existing key. */
  static char[] forDecrypt(Path passphraseFile, Path keyFile) {
    return obtain(passphraseFile, "Passphrase for " + keyFile + ": ", false);
  }

  /** A passphrase to encrypt a new key: prompted twice, and never empty. */
  static char[] forEncrypt(Path passphraseFile, Path keyFile) {
    char[] p = obtain(passphraseFile, "Passphrase to encrypt " + keyFile + ": ", true);
    if (p.length == 0) {
      throw CliException.badInput(
          "empty passphrase: choose one, or pass --unencrypted to write the key in clear");
    }
    return p;
  }

  private static char[] obtain(Path file, String prompt, boolean confirm) {
    if (file != null) {
      return fromFile(file);
    }
    String env = environment.apply(ENV);
    if (env != null) {
      return env.toCharArray();
    }
    Console console = System.console();
    if (console == null || !isTerminal(console)) {
      throw CliException.badInput(
          "no passphrase: no terminal to prompt on; use --passphrase-file FILE or set " + ENV);
    }
    char[] first = console.readPassword("%s", prompt);
    if (first == null) {
      throw CliException.badInput("no passphrase: end of input at the prompt");
    }
    if (confirm) {
      char[] again = console.readPassword("%s", "Same passphrase again: ");
      boolean same = again != null && Arrays.equals(first, again);
      if (again != null) {
        Arrays.fill(again, '\0');
      }
      if (!same) {
        Arrays.fill(first, '\0');
        throw CliException.badInput("the two passphrases differ; nothing was written");
      }
    }
    return first;
  }

  /**
   * JDK 22+ returns a Console even when input is redirected; {@code Console.isTerminal()} (JDK 22)
   * tells them apart. Looked up at run time: the project compiles for Java 17.
   */
  private static boolean isTerminal(Console console) {
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 17-21: a non-null console is a terminal
    }
  }

  /** The first line of the file, without its line ending; the bytes read are wiped. */
  private static char[] fromFile(Path file) {
    byte[] raw;
    try {
      raw = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw CliException.badInput("--passphrase-file " + file + ": no such file");
    } catch (IOException e) {
      throw CliException.badInput("--passphrase-file " + file + ": cannot read: " + e.getMessage());
    }
    try {
      int end = 0;
      while (end < raw.length && raw[end] != '\n' && raw[end] != '\r') {
        end++;
      }
      CharBuffer chars;
      try {
        chars = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(raw, 0, end));
      } catch (CharacterCodingException e) {
        throw CliException.badInput("--passphrase-file " + file + ": not UTF-8 text");
      }
      char[] out = new char[chars.remaining()];
      chars.get(out);
      Arrays.fill(chars.array(), '\0');
      return out;
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }
}
