package io.jenkins.plugins.immutable.engine.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.immutable.engine.api.BuildResult;
import io.jenkins.plugins.immutable.engine.api.ImageRef;
import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import io.jenkins.plugins.immutable.engine.api.RollbackRequest;
import io.jenkins.plugins.immutable.engine.api.SigningKeys;
import io.jenkins.plugins.immutable.engine.api.VerifyResult;
import io.jenkins.plugins.immutable.engine.testing.BlueGreenFixture;
import io.jenkins.plugins.immutable.engine.testing.SampleApp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed provenance against the real registry and daemon: signed, pushed in cosign's layout, verified by the engine
 * and by openssl's command line (an implementation that shares no code with ours); refused by verify and by the
 * deploy gate for a tampered payload, an attestation copied from another image, the wrong key, no attestation and a
 * moved tag; and the private key found nowhere it should not be.
 */
class SignedProvenanceIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private BlueGreenFixture fixture;
    private RawRegistry raw;
    private SigningKeys.Generated key;
    private SigningKeys.Generated otherKey;
    private final List<String> errors = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        fixture = new BlueGreenFixture(dir.resolve("fixture"));
        raw = new RawRegistry(io.jenkins.plugins.immutable.engine.testing.TestServices.get().registry());
        key = SigningKeys.generate(dir.resolve("keys"));
        otherKey = SigningKeys.generate(dir.resolve("other-keys"));
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    void signsIntoTheRegistryInCosignsLayoutAndOpensslVerifiesIt() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.privateKey()))).isEqualTo("rw-------");
        assertThat(key.keyId()).isEqualTo(sshKeygenFingerprint(key.publicKey()));

        BuildResult built = build("signed page", key.privateKey());
        ImageRef ref = built.release().ref();
        assertThat(built.signed()).isTrue();
        assertThat(built.keyId()).isEqualTo(key.keyId());
        assertThat(built.attestationFile()).hasFileName("provenance.intoto.dsse.json");

        // The registry layout, read by hand: the .att tag, an OCI manifest, one DSSE layer with cosign's annotations.
        String tag = ref.digest().value().replace("sha256:", "sha256-") + ".att";
        JsonNode manifest = raw.manifestJson(ref.path(), tag);
        assertThat(manifest.path("mediaType").asText()).isEqualTo(RawRegistry.OCI_MANIFEST);
        assertThat(manifest.path("config").path("mediaType").asText()).isEqualTo("application/vnd.oci.image.config.v1+json");
        JsonNode layer = manifest.path("layers").get(0);
        assertThat(layer.path("mediaType").asText()).isEqualTo("application/vnd.dsse.envelope.v1+json");
        assertThat(layer.path("annotations").path("dev.cosignproject.cosign/signature").asText("missing")).isEmpty();
        assertThat(layer.path("annotations").path("predicateType").asText()).isEqualTo("https://slsa.dev/provenance/v1");
        byte[] envelope = raw.blob(ref.path(), layer.path("digest").asText());
        assertThat(envelope).isEqualTo(Files.readAllBytes(built.attestationFile()));

        JsonNode env = JSON.readTree(envelope);
        assertThat(env.path("payloadType").asText()).isEqualTo("application/vnd.in-toto+json");
        assertThat(env.path("signatures").get(0).path("keyid").asText()).isEqualTo(key.keyId());
        byte[] payload = Base64.getDecoder().decode(env.path("payload").asText());
        JsonNode statement = JSON.readTree(payload);
        assertThat(statement.path("subject").get(0).path("digest").path("sha256").asText())
                .isEqualTo(ref.digest().value().substring(7));
        assertThat(new String(payload, StandardCharsets.UTF_8)).isEqualTo(built.provenanceJson());

        // openssl, over a PAE the test builds by hand, with the DER signature: the format others read.
        byte[] sig = Base64.getDecoder().decode(env.path("signatures").get(0).path("sig").asText());
        assertThat(openssl(key.publicKey(), handMadePae(env.path("payloadType").asText(), payload), sig)).contains("Verified OK");
        byte[] tampered = new String(payload, StandardCharsets.UTF_8).replace("cli@test", "cli@evil").getBytes(StandardCharsets.UTF_8);
        assertThat(openssl(key.publicKey(), handMadePae(env.path("payloadType").asText(), tampered), sig)).contains("Verification failure");
        assertThat(openssl(otherKey.publicKey(), handMadePae(env.path("payloadType").asText(), payload), sig)).contains("Verification failure");

        VerifyResult verified = fixture.engine().engine().verifyAttestation(ref, pem(key), "cli@test");
        assertThat(verified.passed()).as(verified.checks().toString()).isTrue();
        assertThat(verified.checks()).extracting(VerifyResult.Check::name)
                .contains("attestation", "signature", "subject digest", "predicate type", "builder id", "registry");
        assertFails(fixture.engine().engine().verifyAttestation(ref, pem(key), "https://jenkins.example/job/other/1/"), "builder id");
        assertFails(fixture.engine().engine().verifyAttestation(ref, pem(otherKey), null), "signature");

        // Reuse keeps the original attestation, whatever key is given.
        BuildResult again = build("signed page", otherKey.privateKey());
        assertThat(again.reused()).isTrue();
        assertThat(again.keyId()).isEqualTo(key.keyId());
        assertThat(fixture.engine().log()).contains("Kept the original signed provenance");
        // An unsigned release that is reused gets one when a key is given.
        BuildResult unsigned = build("plain page", null);
        assertThat(unsigned.signed()).isFalse();
        BuildResult addedLater = build("plain page", key.privateKey());
        assertThat(addedLater.reused()).isTrue();
        assertThat(addedLater.keyId()).isEqualTo(key.keyId());
        assertThat(fixture.engine().engine().verifyAttestation(addedLater.release().ref(), pem(key), null).passed()).isTrue();

        assertPrivateKeyNowhere();
    }

    @Test
    void theDeployGateRefusesWhatVerifyRefusesAndTrafficStays() throws Exception {
        ImageRef a = build("page a", key.privateKey()).release().ref();
        BuildResult bBuilt = build("page b", null);
        ImageRef b = bBuilt.release().ref();
        ImageRef c = build("page c", key.privateKey()).release().ref();
        var engine = fixture.engine().engine();

        engine.deploy(fixture.deployRequest(a).requireSignature(true).publicKey(key.publicKey().toString()).build());
        assertThat(fixture.get()).isEqualTo("page a");
        assertThat(fixture.engine().log()).contains("Signature verified");

        // No attestation: the gate, and verify.
        refused(() -> engine.deploy(fixture.deployRequest(b).build()), "no signed provenance");
        assertFails(engine.verifyAttestation(b, pem(key), null), "attestation");

        // A tag moved to another image: what it names now (b) has no provenance of its own.
        String tagOfA = "in-" + build("page a", null).release().inputDigest().value().substring(7, 19);
        HttpRespBytes bManifest = HttpRespBytes.of(raw.getManifest(b.path(), b.digest().value()));
        raw.putManifest(a.path(), tagOfA, bManifest.body, bManifest.type);
        String moved = raw.getManifest(a.path(), tagOfA).headers().firstValue("Docker-Content-Digest").orElseThrow();
        ImageRef movedRef = ImageRef.parse(a.repository() + "@" + moved);
        assertThat(movedRef.digest()).isEqualTo(b.digest());
        refused(() -> engine.deploy(fixture.deployRequest(movedRef).build()), "no signed provenance");

        // An attestation copied from another image: a's, under b's .att tag.
        HttpRespBytes aAtt = HttpRespBytes.of(raw.getManifest(a.path(), att(a)));
        raw.putManifest(b.path(), att(b), aAtt.body, aAtt.type);
        refused(() -> engine.deploy(fixture.deployRequest(b).build()), "subject digest failed");
        assertFails(engine.verifyAttestation(b, pem(key), null), "subject digest");

        // The wrong key.
        refused(() -> engine.deploy(fixture.deployRequest(c).publicKey(otherKey.publicKey().toString()).build()), "signature failed");
        assertFails(engine.verifyAttestation(c, pem(otherKey), null), "signature");

        // The right key: c passes, a stays warm.
        engine.deploy(fixture.deployRequest(c).publicKey(key.publicKey().toString()).build());
        assertThat(fixture.get()).isEqualTo("page c");

        // A tampered payload under a's tag: the rollback (a warm switch) is refused before the switch.
        tamper(a);
        List<String> containers = fixture.engine().containerNames();
        refused(() -> engine.rollback(RollbackRequest.of(BlueGreenFixture.ENVIRONMENT, null, null)), "signature failed");
        assertThat(fixture.get()).isEqualTo("page c");
        assertThat(fixture.engine().containerNames()).containsExactlyInAnyOrderElementsOf(containers);
        assertFails(engine.verifyAttestation(a, pem(key), null), "signature");

        // Removed only by saying so; then the unsigned b deploys.
        engine.deploy(fixture.deployRequest(b).requireSignature(false).build());
        assertThat(fixture.get()).isEqualTo("page b");

        assertPrivateKeyNowhere();
    }

    private BuildResult build(String page, Path signingKey) throws IOException, ReleaseException {
        Path context = SampleApp.write(dir.resolve("contexts").resolve(Integer.toHexString(page.hashCode())), page);
        var request = fixture.engine().request(fixture.engine().repository("hello"), context).signingKey(signingKey);
        return fixture.engine().engine().build(request.build());
    }

    private void refused(ThrowingRunnable action, String reason) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ReleaseException.class, e -> {
            assertThat(e.kind()).isEqualTo(ReleaseException.Kind.FAILED_SAFELY);
            assertThat(e.getMessage()).contains("Refused to", reason, "Traffic did not move");
            errors.add(e.getMessage());
        });
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static void assertFails(VerifyResult result, String check) {
        assertThat(result.passed()).isFalse();
        assertThat(result.checks()).filteredOn(c -> !c.passed()).extracting(VerifyResult.Check::name).contains(check);
    }

    private static String att(ImageRef ref) {
        return ref.digest().value().replace("sha256:", "sha256-") + ".att";
    }

    /** Replaces the payload of the image's attestation, keeping the signature, as someone with push rights could. */
    private void tamper(ImageRef ref) throws IOException, InterruptedException {
        JsonNode manifest = raw.manifestJson(ref.path(), att(ref));
        ObjectNode envelope = (ObjectNode) JSON.readTree(raw.blob(ref.path(), manifest.path("layers").get(0).path("digest").asText()));
        String payload = new String(Base64.getDecoder().decode(envelope.path("payload").asText()), StandardCharsets.UTF_8);
        envelope.put("payload", Base64.getEncoder().encodeToString(payload.replace("cli@test", "cli@evil").getBytes(StandardCharsets.UTF_8)));
        byte[] forged = JSON.writeValueAsBytes(envelope);
        String digest = raw.putBlob(ref.path(), forged);
        ObjectNode layer = (ObjectNode) manifest.path("layers").get(0);
        layer.put("digest", digest).put("size", forged.length);
        raw.putManifest(ref.path(), att(ref), JSON.writeValueAsBytes(manifest), RawRegistry.OCI_MANIFEST);
    }

    private static byte[] handMadePae(String type, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(String.format("DSSEv1 %d %s %d ", type.getBytes(StandardCharsets.UTF_8).length, type, body.length)
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }

    private String openssl(Path publicKey, byte[] pae, byte[] sig) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory(dir, "openssl");
        Files.write(work.resolve("pae.bin"), pae);
        Files.write(work.resolve("sig.der"), sig);
        return run("openssl", "dgst", "-sha256", "-verify", publicKey.toString(), "-signature", work.resolve("sig.der").toString(),
                work.resolve("pae.bin").toString());
    }

    private String sshKeygenFingerprint(Path publicKey) throws IOException, InterruptedException {
        Path ssh = dir.resolve("key.ssh.pub");
        Files.writeString(ssh, run("ssh-keygen", "-i", "-m", "PKCS8", "-f", publicKey.toString()));
        return run("ssh-keygen", "-l", "-E", "sha256", "-f", ssh.toString()).split(" ")[1];
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static String pem(SigningKeys.Generated generated) throws IOException {
        return Files.readString(generated.publicKey());
    }

    /** The private key's base64 body, line by line, in no event, exception message or file of the state folder. */
    private void assertPrivateKeyNowhere() throws IOException {
        List<String> secrets = new ArrayList<>();
        for (SigningKeys.Generated k : List.of(key, otherKey)) {
            Files.readAllLines(k.privateKey()).stream().filter(l -> !l.startsWith("-----")).forEach(secrets::add);
            secrets.add(Files.readString(k.privateKey()).replaceAll("-----[A-Z ]+-----|\\s", ""));
        }
        StringBuilder seen = new StringBuilder(fixture.engine().log()).append('\n').append(String.join("\n", errors));
        try (Stream<Path> files = Files.walk(dir.resolve("fixture"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                seen.append('\n').append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(seen.toString()).doesNotContain("PRIVATE KEY");
        for (String secret : secrets) {
            assertThat(seen.toString()).doesNotContain(secret);
        }
    }

    private record HttpRespBytes(byte[] body, String type) {
        static HttpRespBytes of(java.net.http.HttpResponse<byte[]> response) {
            return new HttpRespBytes(response.body(), response.headers().firstValue("Content-Type").orElseThrow());
        }
    }
}
