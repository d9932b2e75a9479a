// Source: jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/domains/DomainRequirement.java
package com.cloudbees.plugins.credentials.domains;

import hudson.ExtensionPoint;
import java.io.Serializable;

public class DomainRequirement implements ExtensionPoint, Serializable {

    // Same signature as the real class's implicit constructor.
    public DomainRequirement() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
