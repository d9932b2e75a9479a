package io.jenkins.plugins.immutable.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.immutable.engine.api.EngineEvent;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;

/**
 * Where each kind of output goes. Text: the engine's events and the result on stdout, in the order they happen.
 * JSON: stdout holds exactly one document, so events and progress go to stderr.
 */
final class Output {

    private final PrintStream out;
    private final PrintStream err;
    private final OutputFormat format;
    /** Notices already printed as they happened, so the result does not repeat them as notes. */
    private final Set<String> shown = new HashSet<>();

    Output(CliContext context, OutputFormat format) {
        this.out = context.out();
        this.err = context.err();
        this.format = format;
    }

    boolean json() {
        return format == OutputFormat.JSON;
    }

    /** The result, for people; only called in text mode. */
    PrintStream text() {
        return out;
    }

    /** A line of progress: beside the result in text mode, on stderr in JSON mode. */
    void progress(String line) {
        (json() ? err : out).println(line);
    }

    /** The engine's events as they arrive: the build log streams, health probes show elapsed time and timeout. */
    void event(EngineEvent event) {
        if (event instanceof EngineEvent.LogLine log) {
            String line = log.line().stripTrailing();
            if (!line.isBlank()) {
                progress("  | " + line);
            }
        } else if (event instanceof EngineEvent.Warning) {
            err.println(event.message());
        } else {
            if (event instanceof EngineEvent.Notice notice && !json()) {
                shown.add(notice.text());
            }
            progress(event.message());
        }
    }

    /** Whether {@code note} was already printed while the command ran. */
    boolean alreadyShown(String note) {
        return shown.contains(note);
    }

    /** The one JSON document of a command. */
    void document(JsonNode node) {
        out.println(Json.write(node));
    }

    /** The one JSON document of {@code releases}: an array written release by release as {@code rows} hands them over. */
    void releaseArray(ReleaseRows rows) throws java.io.IOException, io.jenkins.plugins.immutable.engine.api.ReleaseException {
        ReleaseArrayWriter writer = new ReleaseArrayWriter(out);
        rows.write(writer);
        writer.finish();
        out.println();
        out.flush();
    }

    /** Hands a listing's releases to the writer. */
    interface ReleaseRows {
        void write(ReleaseArrayWriter writer) throws io.jenkins.plugins.immutable.engine.api.ReleaseException;
    }
}
