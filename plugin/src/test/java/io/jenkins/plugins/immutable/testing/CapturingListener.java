package io.jenkins.plugins.immutable.testing;

import hudson.model.TaskListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A build log for tests: what the agent-side work printed, readable afterwards. */
public final class CapturingListener implements TaskListener {

    private static final long serialVersionUID = 1L;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream logger = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Override
    public PrintStream getLogger() {
        return logger;
    }

    public String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
