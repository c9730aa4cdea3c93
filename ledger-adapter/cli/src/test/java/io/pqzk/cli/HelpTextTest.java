package io.pqzk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Every {@code --help} is made of whole sentences: each description paragraph (picocli prints an
 * array element as a line of its own, and the command list shows the first one alone) and each
 * option's description ends a sentence, and no option or parameter is left undescribed.
 */
class HelpTextTest {

  @Test
  void everyHelpText_isWholeSentences() {
    List<String> problems = new ArrayList<>();
    check(Main.newCommandLine(), problems);
    assertEquals(List.of(), problems);
  }

  private static void check(CommandLine cl, List<String> problems) {
    CommandSpec spec = cl.getCommandSpec();
    String name = spec.qualifiedName();
    String[] description = spec.usageMessage().description();
    if (description.length == 0 && spec.usageMessage().header().length == 0) {
      problems.add(name + ": no description");
    }
    for (String line : description) {
      if (!line.isEmpty() && !line.startsWith("  ") && !endsSentence(line)) {
        problems.add(name + ": description line does not end a sentence: '" + line + "'");
      }
    }
    for (OptionSpec o : spec.options()) {
      String text = String.join(" ", o.description());
      if (!o.usageHelp() && !o.versionHelp() && !endsSentence(text)) {
        problems.add(name + " " + o.longestName() + ": '" + text + "'");
      }
    }
    for (PositionalParamSpec p : spec.positionalParameters()) {
      String text = String.join(" ", p.description());
      if (!endsSentence(text)) {
        problems.add(name + " " + p.paramLabel() + ": '" + text + "'");
      }
    }
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (!sub.getCommandName().equals("help")) {
        check(sub, problems);
      }
    }
  }

  private static boolean endsSentence(String s) {
    String t = s.strip();
    return t.endsWith(".") || t.endsWith(":") || t.endsWith(".)") || t.endsWith("?");
  }
}
