// Source: jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/domains/URIRequirementBuilder.java
package com.cloudbees.plugins.credentials.domains;

import java.util.List;

public class URIRequirementBuilder {

    private URIRequirementBuilder(List<DomainRequirement> requirements) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public static URIRequirementBuilder fromUri(String uri) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public List<DomainRequirement> build() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
