package dev.smbq.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code smbq} command. */
@Command(name = "smbq", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "A reference implementation of SMB2/3 over QUIC.",
        subcommands = {DemoCommand.class, ServerCommand.class, TraceCommand.class, KeysCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"smbq " + (version == null ? "(development build)" : version)};
        }
    }
}
