package io.jenkins.plugins.immutable.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.immutable.agent.SigningKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The signing keys of {@code immutableBuild(signingKeyCredentialsId:)} and {@code immutableDeploy(verifyKeyCredentialsId:)},
 * read on the controller from credentials the build may see, each tracked on the build. The private key leaves its
 * credential only for the agent call that signs; no message here shows key material.
 */
final class KeyCredentialsLookup {

    static final String SIGNING = "signingKeyCredentialsId";
    static final String VERIFY = "verifyKeyCredentialsId";

    /** Where a key comes from: the credentials store in Jenkins, a map in tests. */
    @FunctionalInterface
    interface Keys {
        /** The credential's content, or {@code null} when no credential of a fitting kind has that id. */
        byte[] content(String credentialsId) throws IOException;
    }

    private KeyCredentialsLookup() {
    }

    /** The private key of a <em>Secret file</em> credential, or {@code null} when no id was given (an unsigned release). */
    static SigningKey signingKey(Run<?, ?> run, String credentialsId) throws AbortException {
        return signingKey(credentialsId, id -> fileContent(run, id));
    }

    static SigningKey signingKey(String credentialsId, Keys keys) throws AbortException {
        byte[] content = content(SIGNING, credentialsId, keys, "Secret file");
        return content == null ? null : new SigningKey(content);
    }

    /** The public key PEM of a <em>Secret file</em> or <em>Secret text</em> credential, or {@code null} when no id was given. */
    static String verifyKey(Run<?, ?> run, String credentialsId) throws AbortException {
        return verifyKey(credentialsId, id -> firstFound(id, i -> fileContent(run, i), i -> textContent(run, i)));
    }

    static String verifyKey(String credentialsId, Keys keys) throws AbortException {
        byte[] content = content(VERIFY, credentialsId, keys, "Secret file' or 'Secret text");
        if (content == null) {
            return null;
        }
        String pem = new String(content, StandardCharsets.US_ASCII);
        if (!pem.contains("-----BEGIN PUBLIC KEY-----")) {
            // Not shown: whatever it holds (perhaps a private key by mistake), it stays out of the log.
            throw new AbortException(VERIFY + ": credentials '" + credentialsId.strip() + "' hold no -----BEGIN PUBLIC KEY----- "
                    + "block: expected the signing.pub that 'immutable keygen' writes");
        }
        return pem;
    }

    /** The first kind of credentials that has the id: a Secret file wins over Secret text. */
    static byte[] firstFound(String id, Keys first, Keys second) throws IOException {
        byte[] found = first.content(id);
        return found != null ? found : second.content(id);
    }

    private static byte[] content(String parameter, String credentialsId, Keys keys, String kinds) throws AbortException {
        if (credentialsId == null || credentialsId.isBlank()) {
            return null;
        }
        String id = credentialsId.strip();
        byte[] content;
        try {
            content = keys.content(id);
        } catch (IOException e) {
            throw new AbortException(parameter + ": could not read credentials '" + id + "' (" + e.getClass().getSimpleName()
                    + "): check them in the credentials store");
        }
        if (content == null) {
            throw new AbortException(parameter + ": no '" + kinds + "' credentials with id '" + id + "' are available to this "
                    + "build: add them to the credentials store or fix the id");
        }
        return content;
    }

    // The varargs overload of findCredentialById explicitly: the three-argument one is newer than the 2.479.x line's
    // credentials plugin.
    private static byte[] fileContent(Run<?, ?> run, String id) throws IOException {
        FileCredentials found = CredentialsProvider.findCredentialById(id, FileCredentials.class, run, new DomainRequirement[0]);
        if (found == null) {
            return null;
        }
        CredentialsProvider.track(run, found);
        return read(found);
    }

    private static byte[] textContent(Run<?, ?> run, String id) {
        StringCredentials found = CredentialsProvider.findCredentialById(id, StringCredentials.class, run, new DomainRequirement[0]);
        if (found == null) {
            return null;
        }
        CredentialsProvider.track(run, found);
        return found.getSecret().getPlainText().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] read(FileCredentials credentials) throws IOException {
        try (InputStream in = credentials.getContent()) {
            return in.readAllBytes();
        }
    }
}
