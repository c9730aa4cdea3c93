package io.pqzk.zk.registry;

/**
 * A records CSV that breaks the format of {@code docs/CLI.md}; the message names the line and
 * column.
 */
public final class RecordsFormatException extends RegistryException {
  private static final long serialVersionUID = 1L;
  private final int line;
  private final int column;

  /**
   * @param line 1-based line number in the file
   * @param column 1-based column, or 0 when the whole line is wrong
   */
  public RecordsFormatException(String source, int line, int column, String problem) {
    super(source + ": line " + line + (column > 0 ? ", column " + column : "") + ": " + problem);
    this.line = line;
    this.column = column;
  }

  public int line() {
    return line;
  }

  /** 1-based column, 0 when the whole line is at fault. */
  public int column() {
    return column;
  }
}
