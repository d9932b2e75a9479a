package io.jenkins.plugins.immutable.cli;

/** The {@code immutable} command's entry point; everything else is reachable in-process through {@link Cli}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // a process of its own: the SQLite driver's library can come from the cache instead of the jar (only here, not
        // for in-process callers of Cli, whose JVM may already have chosen one)
        SqliteNativeCache.use(System.getenv());
        if (args.length > 0 && Cli.COMMANDS.containsKey(args[0])) {
            warmUpInBackground(); // not for --version or --help, which need no Jackson
        }
        int code = Cli.run(CliContext.system(), args);
        if (Boolean.getBoolean("immutable.cds.preload")) {
            ClassPreload.run();
        }
        System.exit(code);
    }

    /**
     * Jackson's first {@code ObjectMapper} costs 40-50 ms of class loading and set-up, and nearly every command needs
     * one (the ledger's records, the registry's answers, {@code --output json}). Made on a thread of its own, it
     * overlaps the reading of the command line; whoever needs Jackson first then finds it ready, or waits for the
     * class initialisation already under way, never does it twice.
     */
    private static void warmUpInBackground() {
        Thread warmUp = new Thread(() -> new com.fasterxml.jackson.databind.ObjectMapper().getTypeFactory(), "immutable-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }
}
