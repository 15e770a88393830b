package org.cellactive.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help renders cleanly: picocli formats descriptions, so a lone '%' breaks them. */
class HelpTextTest {

    @Test
    void everyCommandsHelpHasNoFormattingWarningsOrLeftovers() {
        Map<String, CommandLine> commands = new CommandLine(new Main()).getSubcommands();
        assertTrue(commands.size() > 10, commands.keySet().toString());
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            for (Map.Entry<String, CommandLine> c : commands.entrySet()) {
                String help = c.getValue().getUsageMessage();
                assertFalse(help.contains("%n") || help.contains("%%"), c.getKey() + ": " + help);
            }
        } finally {
            System.setErr(err);
        }
        String warnings = captured.toString(StandardCharsets.UTF_8);
        assertFalse(warnings.contains("picocli WARN"), warnings);
    }
}
