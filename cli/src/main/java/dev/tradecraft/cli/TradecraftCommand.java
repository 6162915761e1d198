package dev.tradecraft.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "tradecraft", mixinStandardHelpOptions = true, versionProvider = TradecraftCommand.Version.class,
        description = {
                "Hunt a zero-day campaign across many organisations: exposure, compromise, attribution, response.",
                "Start with: tradecraft demo"},
        subcommands = {DemoCommand.class, HuntCommand.class, CampaignsCommand.class, ExposureCommand.class, ProbeCommand.class, RulesCommand.class, EvtxCommand.class,
                SqlCommand.class, ExportCommand.class, ReportCommand.class, ServeCommand.class, KafkaCommand.class,
                CommandLine.HelpCommand.class})
public final class TradecraftCommand
{
    @Option(names = "--stacktrace", scope = CommandLine.ScopeType.INHERIT, description = "Print the stack trace of an unexpected error.")
    boolean stacktrace;

    public static void main(String[] args)
    {
        System.exit(commandLine().execute(args));
    }

    /** The command line the jar runs, also used by tests so they parse exactly as users do. */
    public static CommandLine commandLine()
    {
        TradecraftCommand root = new TradecraftCommand();
        CommandLine commandLine = new CommandLine(root);
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        withHelpOptions(commandLine);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            err.println("tradecraft " + cmd.getCommandName() + ": " + exception);
            if (root.stacktrace) {
                exception.printStackTrace(err);
            }
            else {
                err.println("(run again with --stacktrace for details)");
            }
            err.flush();
            return ExitCodes.NOTHING_DONE;
        });
        commandLine.setParameterExceptionHandler((exception, args) -> {
            PrintWriter err = exception.getCommandLine().getErr();
            err.println("tradecraft: " + exception.getMessage());
            err.println("(see: tradecraft " + exception.getCommandLine().getCommandName() + " --help)");
            err.flush();
            return ExitCodes.INVALID_INPUT;
        });
        return commandLine;
    }

    /** Every command answers {@code --help} (and {@code --version}), as the root does. */
    private static void withHelpOptions(CommandLine commandLine)
    {
        commandLine.getCommandSpec().mixinStandardHelpOptions(true);
        commandLine.getSubcommands().values().forEach(TradecraftCommand::withHelpOptions);
    }

    static final class Version implements CommandLine.IVersionProvider
    {
        @Override
        public String[] getVersion()
        {
            String version = TradecraftCommand.class.getPackage().getImplementationVersion();
            return new String[] {"tradecraft " + (version == null ? "development build" : version)};
        }
    }
}
