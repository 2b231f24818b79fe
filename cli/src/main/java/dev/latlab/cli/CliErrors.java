package dev.latlab.cli;

import dev.latlab.nb201.ArchFormatException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * How the CLI reports failures: a user's mistake (bad option, bad arch, unreadable file) is one
 * line on stderr and exit status 2, without a stack trace; anything else is a bug and keeps its
 * stack trace, exit status 1.
 */
final class CliErrors {
  /** Exit status for a usage error or bad input. */
  static final int USAGE = 2;

  private CliErrors() {}

  static CommandLine install(CommandLine cli) {
    return cli.setParameterExceptionHandler(CliErrors::onParameterError)
        .setExecutionExceptionHandler(executionHandler());
  }

  private static int onParameterError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(cmd.getCommandName().equals("latlab")
        ? "latlab: " + e.getMessage() + " (see 'latlab --help')"
        : "latlab: " + e.getMessage() + " (see '" + qualifiedName(cmd) + " --help')");
    err.flush();
    return USAGE;
  }

  private static IExecutionExceptionHandler executionHandler() {
    return (e, cmd, parseResult) -> {
      if (e instanceof UserException || e instanceof ArchFormatException) {
        cmd.getErr().println("latlab: " + e.getMessage());
        cmd.getErr().flush();
        return USAGE;
      }
      throw e;
    };
  }

  private static String qualifiedName(CommandLine cmd) {
    String name = cmd.getCommandName();
    for (CommandLine parent = cmd.getParent(); parent != null; parent = parent.getParent()) {
      name = parent.getCommandName() + " " + name;
    }
    return name;
  }
}
