package io.jenkins.plugins.immutable.agent;

import io.jenkins.plugins.immutable.engine.api.ReleaseEngine;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import java.nio.file.Path;
import java.util.List;

/**
 * Computes the input digest of an {@code immutableBuild} without building, so the controller can look for an
 * earlier build of the job that recorded a release from the same inputs. It also validates every parameter first.
 */
public final class InputDigestOperation implements EngineOperation<String> {

    private static final long serialVersionUID = 1L;

    private final BuildSpec spec;
    private final SecretBuildArgValues secrets;

    public InputDigestOperation(BuildSpec spec) {
        this(spec, SecretBuildArgValues.NONE);
    }

    /** @param secrets the secret build arguments' values: the input digest covers their hashes */
    public InputDigestOperation(BuildSpec spec, SecretBuildArgValues secrets) {
        this.spec = spec;
        this.secrets = secrets;
    }

    @Override
    public String run(ReleaseEngine engine, Path workspace) throws ReleaseException {
        return engine.inputDigest(spec.toRequest(workspace, null, List.of(), secrets)).value();
    }

    @Override
    public String parameterName(String engineField) {
        return BuildFieldNames.parameterName(engineField);
    }
}
