package io.jenkins.plugins.immutable.steps;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The {@code signingKeyCredentialsId} (Secret file) and {@code verifyKeyCredentialsId} (Secret file or Secret text)
 * dropdowns, with the same permission rules as {@link RegistryCredentialsField}: only users who may configure (or use
 * credentials in) the item see the list; others see just the current value.
 */
final class KeyCredentialsField {

    static final List<Class<? extends StandardCredentials>> SIGNING = List.of(FileCredentials.class);
    static final List<Class<? extends StandardCredentials>> VERIFY = List.of(FileCredentials.class, StringCredentials.class);

    private KeyCredentialsField() {
    }

    static ListBoxModel fill(Item item, String current, List<Class<? extends StandardCredentials>> kinds) {
        StandardListBoxModel result = new StandardListBoxModel();
        if (!mayList(item)) {
            return result.includeCurrentValue(current);
        }
        result.includeEmptyValue();
        for (Class<? extends StandardCredentials> kind : kinds) {
            result.includeAs(ACL.SYSTEM2, item, kind);
        }
        return result.includeCurrentValue(current);
    }

    static FormValidation check(Item item, String value, List<Class<? extends StandardCredentials>> kinds) {
        if (!mayList(item)) {
            return FormValidation.ok();
        }
        String id = FormValues.fixEmptyAndTrim(value);
        if (id == null) {
            return FormValidation.ok(); // optional
        }
        if (id.startsWith("${") && id.endsWith("}")) {
            return FormValidation.warning("Cannot check credentials given by an expression");
        }
        for (Class<? extends StandardCredentials> kind : kinds) {
            for (StandardCredentials c : CredentialsProvider.lookupCredentialsInItem(kind, item, ACL.SYSTEM2)) {
                if (c.getId().equals(id)) {
                    return FormValidation.ok();
                }
            }
        }
        return FormValidation.error(kinds.size() == 1 ? "No Secret file credentials with this id are available here"
                : "No Secret file or Secret text credentials with this id are available here");
    }

    private static boolean mayList(Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                : item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }
}
