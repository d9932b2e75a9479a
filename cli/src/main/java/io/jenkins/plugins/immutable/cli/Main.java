package io.jenkins.plugins.immutable.cli;

/** The {@code immutable} command's entry point; everything else is reachable in-process through {@link Cli}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // a process of its own: the SQLite driver's library can come from the cache instead of the jar (only here, not
        // for in-process callers of Cli, whose JVM may already have chosen one)
        SqliteNativeCache.use(System.getenv());
        int code = Cli.run(CliContext.system(), args);
        if (Boolean.getBoolean("immutable.cds.preload")) {
            ClassPreload.run();
        }
        System.exit(code);
    }
}
