package io.jenkins.plugins.immutable.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.immutable.agent.AgentSettings;

/**
 * The global configuration's shared ledger ({@link LedgerConfiguration}) applied to one agent call: its URL, and the
 * password of its credentials, looked up anew for each call (tracked on the build) and never kept in an execution,
 * which Pipeline writes to disk. A step with its own {@code stateDir} is left alone.
 */
final class LedgerAccess {

    private LedgerAccess() {
    }

    static AgentSettings forCall(AgentSettings settings, Run<?, ?> run) throws AbortException {
        LedgerConfiguration global = LedgerConfiguration.get();
        if (settings.stateDir() != null || global == null || global.getJdbcUrl() == null) {
            return settings;
        }
        return settings.withLedger(global.getJdbcUrl(), password(run, global.getCredentialsId()));
    }

    private static String password(Run<?, ?> run, String credentialsId) throws AbortException {
        if (credentialsId == null) {
            return null; // the agent's PGPASSWORD or ~/.pgpass
        }
        StandardUsernamePasswordCredentials found = CredentialsProvider.findCredentialById(credentialsId,
                StandardUsernamePasswordCredentials.class, run, new com.cloudbees.plugins.credentials.domains.DomainRequirement[0]);
        if (found == null) {
            throw new AbortException("Immutable Release ledger (Manage Jenkins → System): no username/password credentials"
                    + " with id '" + credentialsId + "' are available to this build: add them (kind 'Username with"
                    + " password') or fix the id");
        }
        CredentialsProvider.track(run, found);
        return found.getPassword().getPlainText();
    }
}
