// Source: jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/Credentials.java
// Left out: CredentialsScope getScope() and the covariant CredentialsDescriptor getDescriptor(); the
// plugin only consumes credentials and never implements this interface.
package com.cloudbees.plugins.credentials;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import java.io.Serializable;

public interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {
}
