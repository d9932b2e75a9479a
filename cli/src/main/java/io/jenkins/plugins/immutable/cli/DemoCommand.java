package io.jenkins.plugins.immutable.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code immutable demo}: the one-command tour; {@link Demo} tells it. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the whole story on this machine: start the local Docker daemon and registry "
                + "(scripts/services start), start a haproxy of its own, build examples/hello as v1, deploy it blue, build "
                + "v2, deploy it green and show the switch, roll back to v1 without starting a container, then print the "
                + "release table and the provenance files. A second run reuses v1 and v2 by input digest.",
                "Its state is kept apart from yours, in .run/demo/state; it stops its haproxy at the end and leaves "
                        + "the services running.", ""},
        footer = {"", "Example:", "  bin/immutable demo", "Then stop the services with: scripts/services stop"})
final class DemoCommand implements Callable<Integer>, UsesCommonOptions {

    @ParentCommand
    ImmutableCommand root;

    @Option(names = "--debug", description = "Show the stack trace of a failure.")
    boolean debug;

    @Override
    public CommonOptions common() {
        CommonOptions common = new CommonOptions();
        common.debug = debug;
        return common;
    }

    @Override
    public Integer call() throws Exception {
        CliContext context = root.context();
        return new Demo(context, ProjectRoot.find(context.env())).run();
    }
}
