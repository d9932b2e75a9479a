package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.api.Problem;
import io.jenkins.plugins.immutable.engine.api.VerifyResult;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code immutable verify}: does this provenance describe this image, and does the registry serve it? */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check a provenance statement against an image reference: that the statement parses, that its "
                + "subject digest is the ref's digest, and that the registry serves that digest. Exit 4 when a check fails.", ""},
        footer = {"", "Example:",
                "  immutable verify --ref 127.0.0.1:5000/team/hello@sha256:<64 hex> \\",
                "      --provenance .immutable/releases/rel-3f2a9c1b7d4e/provenance.intoto.json"})
final class VerifyCommand extends EngineCommand {

    @Option(names = "--ref", required = true, paramLabel = "REPO@sha256:HEX",
            description = "The image by digest, REPOSITORY@sha256:<64 hex>.")
    String ref;

    @Option(names = "--provenance", required = true, paramLabel = "FILE",
            description = "The provenance statement a build wrote (provenance.intoto.json).")
    String provenance;

    @Override
    protected int run(Session session) throws Exception {
        List<Problem> problems = new ArrayList<>();
        ImageRef image = null;
        try {
            image = ImageRef.parse(ref);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("ref", e.getMessage()));
        }
        Path file = provenance.isBlank() ? null : Path.of(provenance.strip()).toAbsolutePath().normalize();
        if (file == null) {
            problems.add(new Problem("provenance", "empty: expected the provenance.intoto.json a build wrote"));
        } else if (!Files.isRegularFile(file)) {
            problems.add(new Problem("provenance", "no file at " + file + ": expected the provenance.intoto.json a build wrote"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        VerifyResult result = session.engine().verify(image, file);
        if (session.output().json()) {
            session.output().document(Json.verify(result));
        } else {
            print(result, session.output().text());
        }
        if (!result.passed()) {
            session.context().err().println("immutable verify: " + failed(result) + " of " + result.checks().size()
                    + " checks failed: this provenance does not vouch for " + result.ref() + "; do not deploy it on its word.");
            return ExitCode.FAILED_SAFELY;
        }
        return ExitCode.DONE;
    }

    static void print(VerifyResult result, PrintStream out) {
        out.println("verifying " + result.ref());
        out.println("     with " + result.provenance());
        Table table = new Table("", "", "");
        result.checks().forEach(check -> table.row("  " + (check.passed() ? "pass" : "FAIL"), check.name(), check.detail()));
        table.printWithoutHeader(out);
        out.println(result.passed() ? "verified: all " + result.checks().size() + " checks passed" : "NOT verified");
    }

    private static long failed(VerifyResult result) {
        return result.checks().stream().filter(c -> !c.passed()).count();
    }
}
