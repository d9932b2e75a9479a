// Source: jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/common/AbstractIdCredentialsListBoxModel.java
// Needed because StandardListBoxModel's listed methods are declared here and return this type, and
// because it is what makes a StandardListBoxModel a ListBoxModel. Only the listed methods (plus the
// abstract describe that StandardListBoxModel implements) are kept.
package com.cloudbees.plugins.credentials.common;

import hudson.model.Item;
import hudson.util.ListBoxModel;
import org.springframework.security.core.Authentication;

public abstract class AbstractIdCredentialsListBoxModel<T extends AbstractIdCredentialsListBoxModel<T, C>, C extends IdCredentials>
        extends ListBoxModel {

    // Same signature as the real class's implicit constructor.
    public AbstractIdCredentialsListBoxModel() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    protected abstract String describe(C c);

    public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeAs(Authentication authentication, Item context,
            Class<? extends C> type) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(String value) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
