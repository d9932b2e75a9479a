package io.jenkins.plugins.immutable.cli;

import io.jenkins.plugins.immutable.engine.api.BuildRequest;
import io.jenkins.plugins.immutable.engine.api.BuildResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code immutable build}: build once, push, record the digest and provenance; the same inputs reuse the release. */
@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Build an image, push it and record the release: its registry digest, the digest of its inputs "
                + "and SLSA provenance. Inputs already built (same context, Dockerfile and build args) reuse the "
                + "recorded release while the registry still serves it.", ""},
        footer = {"", "Example:",
                "  immutable build --image 127.0.0.1:5000/team/hello --context examples/hello \\",
                "      --build-arg VERSION=v1 --source-revision $(git rev-parse HEAD)",
                "", "Then deploy what it prints as ref: immutable deploy --env staging --ref REPO@sha256:…"})
final class BuildCommand extends EngineCommand {

    @Option(names = "--image", required = true, paramLabel = "REPO",
            description = "The repository to push to, such as 127.0.0.1:5000/team/app (a :tag is optional).")
    String image;

    @Option(names = "--context", required = true, paramLabel = "DIR", description = "The build context folder.")
    String context;

    @Option(names = "--file", paramLabel = "PATH", description = "The Dockerfile, relative to the context (default: Dockerfile).")
    String file;

    @Option(names = "--build-arg", paramLabel = "K=V", description = "A build argument; repeat for more. Values of "
            + "secret-looking names (DB_PASSWORD, GITHUB_TOKEN, MY_KEY, CREDS, ...) are redacted in the provenance.")
    List<String> buildArgs = new ArrayList<>();

    @Option(names = "--secret-build-arg", paramLabel = "K=V", description = "A build argument whose value is a secret; "
            + "repeat for more. The value goes to the daemon only: the provenance records that it was given and the "
            + "sha256 of its value. A Dockerfile ARG stays visible in the image history; prefer RUN --mount=type=secret.")
    List<String> secretBuildArgs = new ArrayList<>();

    @Option(names = "--label", paramLabel = "K=V", description = "An image label; repeat for more. Not part of the input digest.")
    List<String> labels = new ArrayList<>();

    @Option(names = "--source-uri", paramLabel = "URI",
            description = "Where the sources come from, recorded in provenance without any user info (user:token@ is dropped).")
    String sourceUri;

    @Option(names = "--source-revision", paramLabel = "REV", description = "The sources' revision, recorded in provenance.")
    String sourceRevision;

    @Option(names = "--rebuild", description = "Build even when a release with the same inputs exists.")
    boolean rebuild;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write release.json and provenance.intoto.json (default: the state folder).")
    String out;

    @Option(names = "--sign-key", paramLabel = "PEM",
            description = "Sign the provenance with this EC P-256 private key (PKCS#8 PEM, as keygen writes) and store it in "
                    + "the registry (tag sha256-<hex>.att, cosign's layout). Default: the file IMMUTABLE_SIGNING_KEY names.")
    String signKey;

    @Override
    protected int run(Session session) throws Exception {
        String key = signKey != null ? signKey : session.context().env("IMMUTABLE_SIGNING_KEY");
        BuildRequest.Builder builder = BuildRequest.builder()
                .signingKey(key == null || key.isBlank() ? null : Path.of(key.strip()))
                .image(image)
                .context(context)
                .dockerfile(file)
                .source(sourceUri, sourceRevision)
                .rebuild(rebuild)
                .outputDir(out == null || out.isBlank() ? null : Path.of(out))
                .builderId(BuilderId.of(session.context()));
        buildArgs.forEach(builder::buildArg);
        secretBuildArgs.forEach(builder::secretBuildArg);
        labels.forEach(builder::label);
        BuildRequest request = builder.build();

        session.output().progress("building " + request.image() + " from " + request.context());
        BuildResult result = session.engine().build(request);
        if (session.output().json()) {
            session.output().document(Json.build(request.image().toString(), result));
        } else {
            BuildText.print(result, session.output().text());
        }
        return ExitCode.DONE;
    }
}
