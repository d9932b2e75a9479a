package io.jenkins.plugins.immutable.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.immutable.agent.DeployOperation;
import io.jenkins.plugins.immutable.agent.EngineCallable;
import io.jenkins.plugins.immutable.agent.EnvironmentOutcome;
import io.jenkins.plugins.immutable.engine.api.Colour;
import io.jenkins.plugins.immutable.engine.api.DeployRequest;
import io.jenkins.plugins.immutable.engine.api.DeploymentState;
import io.jenkins.plugins.immutable.engine.api.EnvironmentView;
import io.jenkins.plugins.immutable.engine.api.SigningKeys;
import io.jenkins.plugins.immutable.record.RecordedDeployment;
import io.jenkins.plugins.immutable.record.Recording;
import io.jenkins.plugins.immutable.testing.FakeEngine;
import io.jenkins.plugins.immutable.testing.Samples;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code immutableDeploy(requireSignature:, publicKey:|verifyKeyCredentialsId:)} reaches the engine's request: PEM text, a
 * workspace path, or credentials; the record keeps the key id the signature gate verified with.
 */
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

    @Test
    void verifyKeyCredentialsGiveThePemInPlaceOfPublicKey() throws Exception {
        SigningKeys.Generated keys = SigningKeys.generate(workspace.resolve("keys"));
        byte[] pem = Files.readAllBytes(keys.publicKey());
        ImmutableDeployStep step = new ImmutableDeployStep("127.0.0.1:5000/team/app@sha256:" + "a".repeat(64), "prod");
        step.setRequireSignature(true);
        step.setVerifyKeyCredentialsId(" release-signing-pub ");
        step.checkKeyChoice();

        String verifyKey = KeyCredentialsLookup.verifyKey(step.getVerifyKeyCredentialsId(), Map.of("release-signing-pub", pem)::get);
        FakeEngine engine = new FakeEngine();
        engine.view = Samples.view(Samples.colour(Colour.GREEN, DeploymentState.ACTIVE, 'a'), null, null, 3L);
        EngineCallable.execute(new DeployOperation(step.toSpec(), null, verifyKey), engine, workspace);

        var overrides = ((DeployRequest) engine.calls.get(0)).overrides();
        assertThat(overrides.requireSignature()).isTrue();
        assertThat(overrides.publicKey()).isEqualTo(Files.readString(keys.publicKey()));
        assertThat(step.getVerifyKeyCredentialsId()).isEqualTo("release-signing-pub");
    }

    @Test
    void publicKeyAndVerifyKeyCredentialsExcludeEachOther() {
        ImmutableDeployStep step = new ImmutableDeployStep("127.0.0.1:5000/team/app@sha256:" + "a".repeat(64), "prod");
        step.setPublicKey("keys/signing.pub");
        step.setVerifyKeyCredentialsId("release-signing-pub");
        assertThatThrownBy(step::checkKeyChoice).isInstanceOf(AbortException.class)
                .hasMessage("publicKey and verifyKeyCredentialsId are both given: give the public key one way");
    }

    @Test
    void verifyKeyCredentialsWithoutAPublicKeyFailWithoutShowingWhatTheyHold() throws Exception {
        SigningKeys.Generated keys = SigningKeys.generate(workspace.resolve("keys"));
        String privateKey = Files.readString(keys.privateKey());
        assertThatThrownBy(() -> KeyCredentialsLookup.verifyKey("oops", id -> privateKey.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(AbortException.class)
                .hasMessage("verifyKeyCredentialsId: credentials 'oops' hold no -----BEGIN PUBLIC KEY----- block: expected the "
                        + "signing.pub that 'immutable keygen' writes")
                .message().doesNotContain(privateKey.lines().skip(1).findFirst().orElseThrow());
        assertThatThrownBy(() -> KeyCredentialsLookup.verifyKey("missing", id -> null)).isInstanceOf(AbortException.class)
                .hasMessage("verifyKeyCredentialsId: no 'Secret file' or 'Secret text' credentials with id 'missing' are available "
                        + "to this build: add them to the credentials store or fix the id");
        assertThat(KeyCredentialsLookup.verifyKey(null, id -> null)).isNull();
    }

    @Test
    void theDeployRecordShowsWhenTheSignatureGateVerifiedTheRelease() throws Exception {
        String ref = Samples.refText('b');
        String digest = Samples.digest('b').value();
        EnvironmentView view = Samples.view(Samples.colour(Colour.GREEN, DeploymentState.ACTIVE, 'b'), null, null, 4L);
        EnvironmentView verified = new EnvironmentView(view.environment(), view.active(), null, null, 4L, "green",
                List.of("Signature verified: " + digest + " carries SLSA provenance signed by SHA256:AbC+/123."));
        FakeEngine engine = new FakeEngine();
        engine.view = verified;
        ImmutableDeployStep step = new ImmutableDeployStep(ref, "staging");
        EnvironmentOutcome outcome = EngineCallable.execute(new DeployOperation(step.toSpec(), null), engine, workspace);

        RecordedDeployment recorded = Recording.deployed(outcome, ref, 1L).get(0);
        assertThat(recorded.getSignatureVerifiedBy()).isEqualTo("SHA256:AbC+/123");
        assertThat(recorded.getSignatureLabel()).isEqualTo("signature verified (SHA256:AbC+/123)");

        engine.view = view; // no gate: nothing claimed
        RecordedDeployment plain = Recording.deployed(EngineCallable.execute(new DeployOperation(step.toSpec(), null), engine, workspace),
                ref, 1L).get(0);
        assertThat(plain.getSignatureVerifiedBy()).isNull();
        assertThat(plain.getSignatureLabel()).isEmpty();
        // A note about another digest is not this release's verification.
        assertThat(Recording.verifiedKeyId(List.of("Signature verified: " + Samples.digest('c').value()
                + " carries SLSA provenance signed by SHA256:x."), ref)).isNull();
    }
}
