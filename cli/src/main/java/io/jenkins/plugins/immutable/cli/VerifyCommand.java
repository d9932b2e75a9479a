package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.api.Problem;
import io.jenkins.plugins.immutable.engine.api.VerifyResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code immutable verify}: does this provenance (a file, or the signed one in the registry) vouch for this image? */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check provenance against an image reference. With --provenance FILE: that the statement parses, that "
                + "its subject digest is the ref's digest, and that the registry serves that digest. With --public-key PEM: "
                + "fetch the signed provenance from the registry (tag sha256-<hex>.att) and check its signature, that its "
                + "subject is the ref's digest, its predicate type and (with --builder-id) who built it. Exit 4 when a "
                + "check fails.", ""},
        footer = {"", "Examples:",
                "  immutable verify --ref 127.0.0.1:5000/team/hello@sha256:<64 hex> \\",
                "      --provenance .immutable/releases/rel-3f2a9c1b7d4e/provenance.intoto.json",
                "  immutable verify --ref 127.0.0.1:5000/team/hello@sha256:<64 hex> --public-key keys/signing.pub"})
final class VerifyCommand extends EngineCommand {

    @Option(names = "--ref", required = true, paramLabel = "REPO@sha256:HEX",
            description = "The image by digest, REPOSITORY@sha256:<64 hex>.")
    String ref;

    @Option(names = "--provenance", paramLabel = "FILE",
            description = "The provenance statement a build wrote (provenance.intoto.json), unsigned.")
    String provenance;

    @Option(names = "--public-key", paramLabel = "PEM",
            description = "Check the signed provenance in the registry with this EC P-256 public key (keygen's signing.pub).")
    String publicKey;

    @Option(names = "--builder-id", paramLabel = "ID",
            description = "With --public-key: the builder id the provenance must name (a Jenkins build URL, cli@host).")
    String builderId;

    @Override
    protected int run(Session session) throws Exception {
        List<Problem> problems = new ArrayList<>();
        ImageRef image = null;
        try {
            image = ImageRef.parse(ref);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("ref", e.getMessage()));
        }
        if ((provenance == null) == (publicKey == null)) {
            problems.add(new Problem("provenance", "expected either --provenance FILE (an unsigned statement) or --public-key PEM"
                    + " (the signed provenance in the registry)"));
            throw new InvalidInputException(problems);
        }
        if (builderId != null && publicKey == null) {
            problems.add(new Problem("builderId", "only checked with --public-key: expected it together with --public-key PEM"));
        }
        Path file = null;
        String pem = null;
        if (provenance != null) {
            file = provenance.isBlank() ? null : Path.of(provenance.strip()).toAbsolutePath().normalize();
            if (file == null) {
                problems.add(new Problem("provenance", "empty: expected the provenance.intoto.json a build wrote"));
            } else if (!Files.isRegularFile(file)) {
                problems.add(new Problem("provenance", "no file at " + file + ": expected the provenance.intoto.json a build wrote"));
            }
        } else {
            pem = readKey(publicKey, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        VerifyResult result = file != null ? session.engine().verify(image, file)
                : session.engine().verifyAttestation(image, pem, builderId);
        if (session.output().json()) {
            session.output().document(Json.verify(result));
        } else {
            print(result, session.output().text(), file != null ? file.toString()
                    : "the signed provenance in the registry and the public key " + Path.of(publicKey.strip()).toAbsolutePath().normalize());
        }
        if (!result.passed()) {
            session.context().err().println("immutable verify: " + failed(result) + " of " + result.checks().size()
                    + " checks failed: this provenance does not vouch for " + result.ref() + "; do not deploy it on its word.");
            return ExitCode.FAILED_SAFELY;
        }
        return ExitCode.DONE;
    }

    private static String readKey(String path, List<Problem> problems) {
        try {
            return Files.readString(Path.of(path.strip()), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem("publicKey", "cannot read '" + path + "' (" + e.getClass().getSimpleName()
                    + "): expected the signing.pub that keygen writes"));
            return null;
        }
    }

    static void print(VerifyResult result, PrintStream out) {
        print(result, out, String.valueOf(result.provenance()));
    }

    static void print(VerifyResult result, PrintStream out, String with) {
        out.println("verifying " + result.ref());
        out.println("     with " + with);
        Table table = new Table("", "", "");
        result.checks().forEach(check -> table.row("  " + (check.passed() ? "pass" : "FAIL"), check.name(), check.detail()));
        table.printWithoutHeader(out);
        out.println(result.passed() ? "verified: all " + result.checks().size() + " checks passed" : "NOT verified");
    }

    private static long failed(VerifyResult result) {
        return result.checks().stream().filter(c -> !c.passed()).count();
    }
}
