package io.jenkins.plugins.immutable.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.immutable.agent.RegistryLogin;
import java.util.List;

/**
 * Registry credentials from the credentials store, as the build's user may see them, tracked on the build (so the
 * credential's usage page lists it). The password leaves the {@code Secret} only for the one agent call that needs it.
 */
final class RegistryCredentialsLookup {

    private RegistryCredentialsLookup() {
    }

    /**
     * @param credentialsId the step's {@code registryCredentialsId}, or blank for none
     * @param registryUri   the registry's URL, for credentials restricted to a domain; {@code null} for no restriction
     * @return the login, or {@code null} when no id was given
     */
    static RegistryLogin find(Run<?, ?> run, String credentialsId, String registryUri) throws AbortException {
        if (credentialsId == null || credentialsId.isBlank()) {
            return null;
        }
        String id = credentialsId.strip();
        List<DomainRequirement> requirements = registryUri == null ? List.of() : URIRequirementBuilder.fromUri(registryUri).build();
        // The varargs overload explicitly: the three-argument one is newer than the 2.479.x line's credentials plugin.
        StandardUsernamePasswordCredentials found = CredentialsProvider.findCredentialById(id,
                StandardUsernamePasswordCredentials.class, run, requirements.toArray(new DomainRequirement[0]));
        if (found == null) {
            throw new AbortException(missing(id, registryUri));
        }
        CredentialsProvider.track(run, found);
        return new RegistryLogin(found.getUsername(), found.getPassword().getPlainText());
    }

    static String missing(String id, String registryUri) {
        return "registryCredentialsId: no username/password credentials with id '" + id + "' are available to this build"
                + (registryUri == null ? "" : " for " + registryUri)
                + ": add them to the credentials store (kind 'Username with password') or fix the id";
    }
}
