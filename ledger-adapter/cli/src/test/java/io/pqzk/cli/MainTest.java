package io.pqzk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void unknownCommand_exits2() {
    assertEquals(Main.BAD_INPUT, Main.run("no-such-command"));
  }

  @Test
  void help_exits0() {
    assertEquals(Main.OK, Main.run("--help"));
  }
}
