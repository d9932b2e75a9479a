package io.jenkins.plugins.immutable.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.model.Jenkins;

/**
 * The {@code registryCredentialsId} dropdown every step with that parameter offers, as the credentials plugin's
 * consumer guide has it: only users who may configure (or use credentials in) the item see the list; others see
 * just the current value.
 */
final class RegistryCredentialsField {

    private RegistryCredentialsField() {
    }

    static ListBoxModel fill(Item item, String current) {
        StandardListBoxModel result = new StandardListBoxModel();
        if (!mayList(item)) {
            return result.includeCurrentValue(current);
        }
        return result.includeEmptyValue()
                .includeAs(ACL.SYSTEM2, item, StandardUsernamePasswordCredentials.class)
                .includeCurrentValue(current);
    }

    static FormValidation check(Item item, String value) {
        if (!mayList(item)) {
            return FormValidation.ok();
        }
        String id = FormValues.fixEmptyAndTrim(value);
        if (id == null) {
            return FormValidation.ok(); // optional: the agent user's Docker logins are used
        }
        if (id.startsWith("${") && id.endsWith("}")) {
            return FormValidation.warning("Cannot check credentials given by an expression");
        }
        for (StandardUsernamePasswordCredentials c : CredentialsProvider.lookupCredentialsInItem(StandardUsernamePasswordCredentials.class, item,
                ACL.SYSTEM2)) {
            if (c.getId().equals(id)) {
                return FormValidation.ok();
            }
        }
        return FormValidation.error("No username/password credentials with this id are available here");
    }

    private static boolean mayList(Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                : item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }
}
