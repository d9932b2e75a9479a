// Source: jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/CredentialsProvider.java
// The real class extends Descriptor<CredentialsProvider> and implements ExtensionPoint,
// Describable<CredentialsProvider>, IconSpec; left out, only the listed static methods are kept.
package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.model.Item;
import hudson.model.Run;
import hudson.security.Permission;
import java.util.List;
import org.springframework.security.core.Authentication;

public abstract class CredentialsProvider {

    // The real value is new Permission(GROUP, "UseItem", ..., Job.CONFIGURE, ...); the shim holds none.
    public static final Permission USE_ITEM = null;


    // Same signature as the real class's implicit constructor.
    public CredentialsProvider() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run,
            DomainRequirement... domainRequirements) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public static <C extends Credentials> List<C> lookupCredentialsInItem(Class<C> type, Item item,
            Authentication authentication) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    @SuppressWarnings("rawtypes") // the real parameter is the raw Run
    public static <C extends Credentials> C track(Run build, C credentials) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
