package dev.smbq.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code smbq} command. */
@Command(name = "smbq", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "A reference implementation of SMB2/3 over QUIC.",
        subcommands = {DemoCommand.class, ServerCommand.class, ClientCommands.Ls.class, ClientCommands.Stat.class,
                ClientCommands.Get.class, ClientCommands.Put.class, ClientCommands.Rm.class, ClientCommands.Mkdir.class,
                ClientCommands.Mv.class, TraceCommand.class, KeysCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int run(String... args) {
        return run(new CommandLine(new Main()), args);
    }

    /** Runs the command line with standard output going to {@code out} (for tests). */
    static int run(java.io.PrintWriter out, String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        return run(commandLine, args);
    }

    private static int run(CommandLine commandLine, String... args) {
        // usage errors exit with 2; SMB and I/O errors with 1 (the commands return it)
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            commandLine.getErr().println("smbq: " + exception.getMessage());
            exception.getCommandLine().usage(commandLine.getErr());
            return 2;
        });
        return commandLine.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"smbq " + (version == null ? "(development build)" : version)};
        }
    }
}
