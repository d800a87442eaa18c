package io.stepwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Every command's help lists the same exit codes and wraps its texts only where they have spaces. */
class HelpTest {
  private static List<CommandLine> commands() {
    CommandLine main = Main.commandLine();
    List<CommandLine> all = new ArrayList<>();
    all.add(main);
    for (Map.Entry<String, CommandLine> e : main.getSubcommands().entrySet()) {
      if (!e.getKey().equals("help")) {
        all.add(e.getValue());
      }
    }
    return all;
  }

  @Test
  void everyCommandListsTheExitCodesWithTheSameMeanings() {
    for (CommandLine c : commands()) {
      String help = c.getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll(" +", " ");
      assertThat(help).as(c.getCommandName()).contains("Exit codes:").contains(" 0 Success.").contains(" 2 Usage or input error");
      // validate and graph run nothing, serve and demo serve until stopped, functions lists and messages reads: none has an execution to fail
      if (!List.of("validate", "graph", "serve", "demo", "delivery", "functions", "messages").contains(c.getCommandName())) {
        assertThat(help).as(c.getCommandName()).contains(" 1 The execution failed");
      }
      if (List.of("run", "validate", "graph").contains(c.getCommandName())) {
        assertThat(help).as(c.getCommandName()).contains(" 3 A definition is invalid.");
      }
    }
  }

  /** A line break that picocli put inside a word ("lambda:" / "invoke") shows as text the source never had. */
  @Test
  void helpTextsWrapOnlyAtSpaces() {
    for (CommandLine c : commands()) {
      String flat = c.getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
      CommandSpec spec = c.getCommandSpec();
      List<String> texts = new ArrayList<>(List.of(spec.usageMessage().description()));
      for (ArgSpec a : spec.args()) {
        texts.addAll(List.of(a.description()));
      }
      for (String text : texts) {
        String expected = text.replace("${DEFAULT-VALUE}", "").replaceAll("\\s+", " ").strip();
        for (String part : expected.split("\\$\\{[^}]*}|%n")) {
          assertThat(flat).as(c.getCommandName() + ": " + part).contains(part.strip());
        }
      }
      for (String line : c.getUsageMessage(CommandLine.Help.Ansi.OFF).split("\n")) {
        assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
      }
    }
  }
}
