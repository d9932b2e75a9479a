package io.jenkins.plugins.immutable.agent;

import io.jenkins.plugins.immutable.engine.api.BuildResult;
import io.jenkins.plugins.immutable.engine.api.Release;
import io.jenkins.plugins.immutable.engine.api.ReleaseEngine;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds (or reuses) a release on the agent and reports it as a {@link BuildOutcome}. */
public final class BuildOperation implements EngineOperation<BuildOutcome> {

    private static final long serialVersionUID = 1L;

    private final BuildSpec spec;
    private final RegistryLogin login;
    // An ArrayList, not List.copyOf: JDK-internal collection classes may be refused by Jenkins' remoting class filter.
    private final ArrayList<PriorReleaseSpec> priors;
    private final SecretBuildArgValues secrets;
    private final SigningKey signingKey;

    /** @param login registry credentials for the push, or {@code null} for the agent's {@code ~/.docker/config.json} */
    public BuildOperation(BuildSpec spec, RegistryLogin login, List<PriorReleaseSpec> priors) {
        this(spec, login, priors, SecretBuildArgValues.NONE);
    }

    /** @param secrets the values of the step's {@code secretBuildArgs}, resolved on the controller */
    public BuildOperation(BuildSpec spec, RegistryLogin login, List<PriorReleaseSpec> priors, SecretBuildArgValues secrets) {
        this(spec, login, priors, secrets, null);
    }

    /** @param signingKey the key of the step's {@code signingKeyCredentialsId}, or {@code null} for an unsigned release */
    public BuildOperation(BuildSpec spec, RegistryLogin login, List<PriorReleaseSpec> priors, SecretBuildArgValues secrets,
            SigningKey signingKey) {
        this.spec = spec;
        this.login = login;
        this.priors = new ArrayList<>(priors);
        this.secrets = secrets;
        this.signingKey = signingKey;
    }

    @Override
    public BuildOutcome run(ReleaseEngine engine, Path workspace) throws ReleaseException {
        Path outputDir = spec.outputDir(workspace);
        // The key is a file only while the engine builds: beside the output folder (never in the build context), gone after.
        Path keyFile = signingKey == null ? null : signingKey.writeInto(BuildSpec.scratchDir(workspace));
        BuildResult result;
        try {
            result = engine.build(spec.toRequest(workspace, login, priors, secrets, keyFile));
        } finally {
            if (keyFile != null) {
                SigningKey.remove(keyFile);
            }
        }
        return outcome(result, outputDir);
    }

    static BuildOutcome outcome(BuildResult result, Path outputDir) {
        Release release = result.release();
        ProvenanceSummary provenance = ProvenanceSummary.read(result.provenanceJson());
        return BuildOutcome.builder()
                .release(release.id(), release.app(), release.ref().toString(), release.ref().repository(),
                        release.digest().value(), release.inputDigest() == null ? null : release.inputDigest().value())
                .reused(result.reused())
                .signedBy(result.keyId())
                .source(release.sourceUri(), provenance.sourceRevision() != null ? provenance.sourceRevision() : release.sourceRevision())
                .created(release.created().toEpochMilli(), provenance.builderId() != null ? provenance.builderId() : release.builderId())
                .run(provenance.invocationId(), provenance.startedOn(), provenance.finishedOn())
                .files(folderOf(result.releaseFile(), outputDir).toString(), fileName(result.releaseFile(), "release.json"),
                        fileName(result.provenanceFile(), "provenance.intoto.json"))
                .build();
    }

    @Override
    public String parameterName(String engineField) {
        return BuildFieldNames.parameterName(engineField);
    }

    /** The engine writes both files into the output folder it was given; trust where it says it wrote them. */
    private static Path folderOf(Path file, Path requested) {
        return file == null || file.getParent() == null ? requested : file.getParent();
    }

    private static String fileName(Path file, String fallback) {
        Path name = file == null ? null : file.getFileName();
        return name == null ? fallback : name.toString();
    }
}
