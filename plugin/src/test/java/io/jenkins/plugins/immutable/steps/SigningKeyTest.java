package io.jenkins.plugins.immutable.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.thoughtworks.xstream.XStream;
import hudson.AbortException;
import io.jenkins.plugins.immutable.agent.BuildOperation;
import io.jenkins.plugins.immutable.agent.BuildOutcome;
import io.jenkins.plugins.immutable.agent.EngineCallable;
import io.jenkins.plugins.immutable.agent.ReleaseFailure;
import io.jenkins.plugins.immutable.agent.SecretBuildArgValues;
import io.jenkins.plugins.immutable.agent.SigningKey;
import io.jenkins.plugins.immutable.engine.api.BuildRequest;
import io.jenkins.plugins.immutable.engine.api.BuildResult;
import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.api.Release;
import io.jenkins.plugins.immutable.engine.api.ReleaseEngine;
import io.jenkins.plugins.immutable.engine.api.SigningKeys;
import io.jenkins.plugins.immutable.record.RecordedRelease;
import io.jenkins.plugins.immutable.record.ReleaseAction;
import io.jenkins.plugins.immutable.testing.FakeEngine;
import io.jenkins.plugins.immutable.testing.Samples;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code immutableBuild(signingKeyCredentialsId:)}: the Secret file's bytes reach the engine as a file that exists only
 * while the engine builds (mode 0600), and appear in no log line, exception message or recorded XML.
 */
class SigningKeyTest {

    private static final String KEY_ID = "SHA256:abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    @TempDir
    Path workspace;
    @TempDir
    Path keys;

    private byte[] privatePem;
    private List<String> secretFragments;

    @BeforeEach
    void key() throws Exception {
        SigningKeys.Generated generated = SigningKeys.generate(keys);
        privatePem = Files.readAllBytes(generated.privateKey());
        // The whole PEM, its base64 body, and each of its lines: none may show anywhere.
        String text = new String(privatePem, StandardCharsets.US_ASCII);
        secretFragments = new ArrayList<>();
        secretFragments.add(text.strip());
        secretFragments.add(Base64.getEncoder().encodeToString(Base64.getMimeDecoder().decode(
                text.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", ""))));
        text.lines().filter(l -> !l.startsWith("-----")).forEach(secretFragments::add);
        Files.writeString(workspace.resolve("Dockerfile"), "FROM scratch\n");
    }

    @Test
    void theKeyIsAnOwnerOnlyFileWhileTheEngineBuildsAndGoneAfterwards() throws Exception {
        List<Path> seen = new ArrayList<>();
        ReleaseEngine engine = inspectingBuild(signedResult(), request -> {
            Path file = request.signingKey();
            seen.add(file);
            assertThat(file).exists().hasBinaryContent(privatePem);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(file.getParent()).as("beside the output folders, never in the build context")
                    .isEqualTo(workspace.resolveSibling(workspace.getFileName() + "@tmp").resolve("immutable-release"));
        });

        BuildOutcome outcome = operation(new SigningKey(privatePem)).run(engine, workspace);

        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).doesNotExist();
        assertThat(outcome.keyId()).isEqualTo(KEY_ID);
    }

    @Test
    void theKeyFileIsDeletedWhenTheBuildFailsAndTheFailureShowsNoKey() throws Exception {
        List<Path> seen = new ArrayList<>();
        ReleaseEngine engine = inspectingBuild(signedResult(), request -> {
            seen.add(request.signingKey());
            // What the engine says of a key it cannot read: it names the file, never the content.
            throw new InvalidInputException("signingKey", request.signingKey() + " is not a PKCS#8 EC P-256 private key PEM");
        });

        assertThatThrownBy(() -> EngineCallable.execute(operation(new SigningKey(privatePem)), engine, workspace))
                .isInstanceOf(ReleaseFailure.class)
                .hasMessageContaining("signingKeyCredentialsId")
                .satisfies(e -> assertNoKeyIn(e.getMessage()));
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).doesNotExist();
    }

    @Test
    void withoutAKeyTheRequestIsUnsignedAndTheRecordSaysSo() throws Exception {
        List<Path> seen = new ArrayList<>();
        FakeEngine fake = new FakeEngine();
        fake.buildResult = new BuildResult(Samples.release('a', 'f'), false, workspace.resolve("out/release.json"),
                workspace.resolve("out/provenance.intoto.json"), Samples.provenance("https://jenkins.example.com/job/app/1/", "0123abc"));
        ReleaseEngine engine = inspecting(fake, request -> seen.add(request.signingKey()));

        BuildOutcome outcome = operation(null).run(engine, workspace);
        RecordedRelease recorded = new ReleaseAction().recordRelease(outcome, 1_000L);

        assertThat(seen).containsExactly((Path) null);
        assertThat(recorded.isSigned()).isFalse();
        assertThat(recorded.getKeyId()).isNull();
        assertThat(recorded.getSignatureLabel()).isEqualTo("unsigned");
        assertThat(BuildRecords.recordedLine(recorded)).contains(", unsigned;");
    }

    @Test
    void theKeyShowsInNoLogLineRecordOrToStringOnlyItsId() throws Exception {
        ReleaseEngine engine = inspectingBuild(signedResult(), request -> { });
        ImmutableBuildStep step = new ImmutableBuildStep(Samples.REPO);
        step.setSigningKeyCredentialsId(" release-signing ");
        SigningKey key = KeyCredentialsLookup.signingKey(step.getSigningKeyCredentialsId(),
                Map.of("release-signing", privatePem)::get);
        BuildOperation operation = operation(key);

        BuildOutcome outcome = operation.run(engine, workspace);
        ReleaseAction action = new ReleaseAction();
        RecordedRelease recorded = action.recordRelease(outcome, 1_000L);

        assertThat(recorded.isSigned()).isTrue();
        assertThat(recorded.getKeyId()).isEqualTo(KEY_ID);
        assertThat(recorded.getSignatureLabel()).isEqualTo("signed by " + KEY_ID);
        String line = BuildRecords.recordedLine(recorded);
        assertThat(line).contains("signed by " + KEY_ID);
        XStream xstream = new XStream();
        xstream.allowTypesByWildcard(new String[] {"io.jenkins.plugins.immutable.**"});
        String xml = xstream.toXML(action) + xstream.toXML(outcome) + xstream.toXML(step);
        assertThat(xml).contains(KEY_ID, "release-signing");
        assertThat(key.toString()).isEqualTo("SigningKey[hidden]");
        for (String text : List.of(line, xml, key.toString(), operation.toString())) {
            assertNoKeyIn(text);
        }
    }

    @Test
    void aSecretFileIsLookedUpByIdAndProblemsNameTheParameterNotTheContent() throws Exception {
        assertThat(KeyCredentialsLookup.signingKey(null, id -> privatePem)).isNull();
        assertThat(KeyCredentialsLookup.signingKey("  ", id -> privatePem)).isNull();
        assertThatThrownBy(() -> KeyCredentialsLookup.signingKey("missing", id -> null))
                .isInstanceOf(AbortException.class)
                .hasMessage("signingKeyCredentialsId: no 'Secret file' credentials with id 'missing' are available to this build: "
                        + "add them to the credentials store or fix the id");
        assertThatThrownBy(() -> KeyCredentialsLookup.signingKey("broken", id -> {
            throw new IOException(new String(privatePem, StandardCharsets.US_ASCII));
        })).isInstanceOf(AbortException.class)
                .hasMessage("signingKeyCredentialsId: could not read credentials 'broken' (IOException): check them in the credentials store")
                .satisfies(e -> assertNoKeyIn(e.getMessage()));
    }

    @Test
    void aKeyThatCannotBeWrittenFailsNamingTheFolderOnly() throws Exception {
        // The scratch folder's place is taken by a file: the key cannot be written.
        Path tmp = workspace.resolveSibling(workspace.getFileName() + "@tmp");
        Files.createDirectories(tmp);
        Files.writeString(tmp.resolve("immutable-release"), "not a folder");
        try {
            assertThatThrownBy(() -> EngineCallable.execute(operation(new SigningKey(privatePem)),
                    inspectingBuild(signedResult(), request -> { }), workspace))
                    .isInstanceOf(ReleaseFailure.class)
                    .hasMessageContaining("Tried to write the signing key into")
                    .satisfies(e -> assertNoKeyIn(e.getMessage()));
        } finally {
            Files.delete(tmp.resolve("immutable-release"));
        }
    }

    private void assertNoKeyIn(String text) {
        for (String fragment : secretFragments) {
            assertThat(text).doesNotContain(fragment);
        }
    }

    private BuildOperation operation(SigningKey key) {
        ImmutableBuildStep step = new ImmutableBuildStep(Samples.REPO);
        return new BuildOperation(step.toSpec(Map.of(), "https://jenkins.example.com/job/app/1/", "app#1", "key1"), null, List.of(),
                SecretBuildArgValues.NONE, key);
    }

    private BuildResult signedResult() {
        Release release = Samples.release('a', 'f');
        return new BuildResult(release, false, workspace.resolve("out/release.json"), workspace.resolve("out/provenance.intoto.json"),
                Samples.provenance(release.builderId(), "0123abc"), workspace.resolve("out/provenance.intoto.dsse.json"), KEY_ID);
    }

    @FunctionalInterface
    private interface Inspection {
        void check(BuildRequest request) throws Exception;
    }

    private static ReleaseEngine inspectingBuild(BuildResult result, Inspection inspection) {
        FakeEngine fake = new FakeEngine();
        fake.buildResult = result;
        return inspecting(fake, inspection);
    }

    /** The fake engine, with a look at the build request while the build "runs". */
    private static ReleaseEngine inspecting(FakeEngine fake, Inspection inspection) {
        return (ReleaseEngine) Proxy.newProxyInstance(SigningKeyTest.class.getClassLoader(), new Class<?>[] {ReleaseEngine.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("build")) {
                        inspection.check((BuildRequest) args[0]);
                    }
                    try {
                        return method.invoke(fake, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
