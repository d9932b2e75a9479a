// Source: jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/common/StandardListBoxModel.java
package com.cloudbees.plugins.credentials.common;

public class StandardListBoxModel extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {

    // Same signature as the real class's implicit constructor.
    public StandardListBoxModel() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    @Override
    protected String describe(StandardCredentials c) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
