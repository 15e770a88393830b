package org.cellactive.cli;

import java.io.FileNotFoundException;
import java.nio.file.NoSuchFileException;
import org.apache.spark.sql.AnalysisException;
import org.cellactive.annotations.AnnotationsException;
import org.cellactive.learning.ledger.LedgerException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place where an exception that leaves a command becomes an exit code
 * ({@link ExitCodes}) and a message. Known failures (bad options, missing inputs) print one
 * line, {@code COMMAND: error: MESSAGE}; anything unexpected prints its stack trace too, since
 * that is a bug or a failed Spark job, and someone will need the trace.
 *
 * <p>Picocli's own option errors (unknown option, missing value) reach {@link #getExitCode}
 * through its parameter-exception handler, which prints the message and the usage.
 */
final class CommandFailures implements IExecutionExceptionHandler, IExitCodeExceptionMapper {

    /** Main's command line, with this handler for both kinds of failure. */
    static CommandLine install(CommandLine commandLine) {
        CommandFailures failures = new CommandFailures();
        return commandLine.setExecutionExceptionHandler(failures).setExitCodeExceptionMapper(failures);
    }

    @Override
    public int getExitCode(Throwable e) {
        if (e instanceof ParameterException || e instanceof UsageException) {
            return ExitCodes.USAGE;
        }
        if (e instanceof InputException || e instanceof AnnotationsException || e instanceof LedgerException
                || e instanceof FileNotFoundException || e instanceof NoSuchFileException || pathNotFound(e)) {
            return ExitCodes.INPUT;
        }
        return ExitCodes.INTERNAL;
    }

    /** Spark's reader of a path that is not there (a checked exception, so commands rarely catch it). */
    private static boolean pathNotFound(Throwable e) {
        return e instanceof AnalysisException a && "PATH_NOT_FOUND".equals(a.getCondition());
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parsed) {
        int code = getExitCode(e);
        String command = commandLine.getCommandName();
        if (code == ExitCodes.INTERNAL) {
            commandLine.getErr().println(command + ": failed: " + e);
            e.printStackTrace(commandLine.getErr());
        } else {
            commandLine.getErr().println(command + ": error: " + e.getMessage());
            if (code == ExitCodes.USAGE) {
                commandLine.getErr().println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
            }
        }
        commandLine.getErr().flush();
        return code;
    }
}
