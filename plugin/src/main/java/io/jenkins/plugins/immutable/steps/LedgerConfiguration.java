package io.jenkins.plugins.immutable.steps;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import io.jenkins.plugins.immutable.engine.api.LedgerLocation;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Manage Jenkins → System → Immutable Release ledger: one shared ledger database (PostgreSQL) for every agent, so
 * that throw-away agents and many controllers' builds see one history. A step's own {@code stateDir} still wins (its
 * folder's {@code ledger.db}); with neither, each agent keeps {@code ~/.immutable-release}.
 */
@Extension
@Symbol("immutableLedger")
public class LedgerConfiguration extends GlobalConfiguration {

    private String jdbcUrl;
    private String credentialsId;

    public LedgerConfiguration() {
        load();
    }

    /** The one instance Jenkins holds. */
    public static LedgerConfiguration get() {
        return Jenkins.get().getDescriptorByType(LedgerConfiguration.class);
    }

    @Override
    public String getDisplayName() {
        return "Immutable Release ledger";
    }

    /** {@code jdbc:postgresql://HOST:PORT/DB?user=U} (or without {@code jdbc:}), or {@code null} for none. */
    public String getJdbcUrl() {
        return jdbcUrl;
    }

    @DataBoundSetter
    public void setJdbcUrl(String jdbcUrl) {
        this.jdbcUrl = FormValues.fixEmptyAndTrim(jdbcUrl);
    }

    /** Username/password credentials whose password the agents use for the database; {@code null}: the agent's own. */
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = FormValues.fixEmptyAndTrim(credentialsId);
    }

    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        jdbcUrl = null;
        credentialsId = null;
        req.bindJSON(this, json);
        String problem = urlProblem(jdbcUrl);
        if (problem != null) {
            throw new FormException(problem, "jdbcUrl");
        }
        save();
        return true;
    }

    @POST
    public FormValidation doCheckJdbcUrl(@QueryParameter String value) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok(); // only administrators configure the system; tell others nothing
        }
        String problem = urlProblem(value);
        return problem == null ? FormValidation.ok() : FormValidation.error(problem);
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
        return RegistryCredentialsField.fill((Item) null, credentialsId);
    }

    @POST
    public FormValidation doCheckCredentialsId(@QueryParameter String value) {
        return RegistryCredentialsField.check((Item) null, value);
    }

    /** What is wrong with the URL, or {@code null}: empty is fine (no shared ledger), else PostgreSQL without a password. */
    static String urlProblem(String value) {
        String url = FormValues.fixEmptyAndTrim(value);
        if (url == null) {
            return null;
        }
        if (!LedgerLocation.isDatabaseUrl(url)) {
            return "Expected jdbc:postgresql://HOST:PORT/DB?user=U";
        }
        try {
            LedgerLocation.database(url, "jdbcUrl", "jenkins");
            return null;
        } catch (InvalidInputException e) {
            return e.problems().get(0).message();
        }
    }
}
