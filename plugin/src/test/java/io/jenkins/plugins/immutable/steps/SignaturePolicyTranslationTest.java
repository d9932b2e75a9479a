package io.jenkins.plugins.immutable.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.engine.api.SigningKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code immutableDeploy(requireSignature:, publicKey:)} reaches the engine's request: PEM text, or a workspace path. */
class SignaturePolicyTranslationTest {

    @TempDir
    Path workspace;

    @Test
    void aKeyFileInTheWorkspaceAndTheRequirementReachTheRequest() throws Exception {
        SigningKeys.Generated keys = SigningKeys.generate(workspace.resolve("keys"));
        ImmutableDeployStep step = new ImmutableDeployStep("127.0.0.1:5000/team/app@sha256:" + "a".repeat(64), "prod");
        step.setRequireSignature(true);
        step.setPublicKey(" keys/signing.pub ");

        var overrides = step.toSpec().toRequest(workspace, null).overrides();

        assertThat(overrides.requireSignature()).isTrue();
        assertThat(overrides.publicKey()).isEqualTo(Files.readString(keys.publicKey()));
    }

    @Test
    void pemTextIsTakenAsIsAndUnsetKeepsThePolicy() throws Exception {
        SigningKeys.Generated keys = SigningKeys.generate(workspace.resolve("keys"));
        ImmutableDeployStep step = new ImmutableDeployStep("127.0.0.1:5000/team/app@sha256:" + "a".repeat(64), "prod");
        step.setPublicKey(Files.readString(keys.publicKey()));

        var overrides = step.toSpec().toRequest(workspace, null).overrides();

        assertThat(overrides.requireSignature()).as("unset: the environment's policy stays").isNull();
        assertThat(overrides.publicKey()).isEqualTo(Files.readString(keys.publicKey()));
        step.setRequireSignature(false);
        assertThat(step.toSpec().toRequest(workspace, null).overrides().requireSignature()).isFalse();
    }

    @Test
    void aKeyThatIsNotOneNamesTheParameter() {
        ImmutableDeployStep step = new ImmutableDeployStep("127.0.0.1:5000/team/app@sha256:" + "a".repeat(64), "prod");
        step.setPublicKey("missing.pub");
        assertThatThrownBy(() -> step.toSpec().toRequest(workspace, null)).hasMessageContaining("publicKey")
                .hasMessageContaining("signing.pub");
    }
}
