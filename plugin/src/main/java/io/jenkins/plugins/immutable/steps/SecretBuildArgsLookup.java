package io.jenkins.plugins.immutable.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.immutable.agent.SecretBuildArgValues;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The values of {@code secretBuildArgs}, read on the controller from <em>Secret text</em> credentials the build may
 * see, each tracked on the build. The values leave their {@code Secret} only for the agent call; nothing here logs
 * or keeps them.
 */
final class SecretBuildArgsLookup {

    /** Where a value comes from: the credentials store in Jenkins, a map in tests. */
    @FunctionalInterface
    interface Secrets {
        /** The secret text of the credential, or {@code null} when there is none with that id. */
        String text(String credentialsId);
    }

    private SecretBuildArgsLookup() {
    }

    static SecretBuildArgValues find(Run<?, ?> run, List<SecretBuildArg> args) throws AbortException {
        if (args.isEmpty()) {
            return SecretBuildArgValues.NONE;
        }
        return resolve(args, id -> {
            // The varargs overload explicitly: the three-argument one is newer than the 2.479.x line's credentials plugin.
            StringCredentials found = CredentialsProvider.findCredentialById(id, StringCredentials.class, run, new DomainRequirement[0]);
            if (found == null) {
                return null;
            }
            CredentialsProvider.track(run, found);
            return found.getSecret().getPlainText();
        });
    }

    /** Every entry checked and resolved; the problems of all entries in one message that names each by name and id. */
    static SecretBuildArgValues resolve(List<SecretBuildArg> args, Secrets secrets) throws AbortException {
        Map<String, String> values = new TreeMap<>();
        StringBuilder problems = new StringBuilder();
        for (SecretBuildArg arg : args) {
            if (arg.getName() == null || arg.getName().isEmpty()) {
                problems.append("\nsecretBuildArgs: an entry has no name: expected [name: 'NPM_TOKEN', credentialsId: '…']");
            } else if (arg.getCredentialsId() == null || arg.getCredentialsId().isEmpty()) {
                problems.append("\nsecretBuildArgs: '").append(arg.getName()).append("' has no credentialsId: expected the id of "
                        + "Secret text credentials");
            } else if (values.containsKey(arg.getName())) {
                problems.append("\nsecretBuildArgs: '").append(arg.getName()).append("' is given twice: give it once");
            } else {
                String value = secrets.text(arg.getCredentialsId());
                if (value == null) {
                    problems.append("\nsecretBuildArgs: no Secret text credentials with id '").append(arg.getCredentialsId())
                            .append("' (for '").append(arg.getName()).append("') are available to this build: add them to "
                            + "the credentials store (kind 'Secret text') or fix the id");
                } else {
                    values.put(arg.getName(), value);
                }
            }
        }
        if (problems.length() > 0) {
            throw new AbortException(problems.substring(1));
        }
        return new SecretBuildArgValues(values);
    }
}
