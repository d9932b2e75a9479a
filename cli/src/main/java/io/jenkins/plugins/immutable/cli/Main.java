package io.jenkins.plugins.immutable.cli;

/** The {@code immutable} command's entry point; everything else is reachable in-process through {@link Cli}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(CliContext.system(), args));
    }
}
