// Source: jenkinsci/plain-credentials-plugin src/main/java/org/jenkinsci/plugins/plaincredentials/StringCredentials.java
// @NameWith and the nested NameProvider are left out.
package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.util.Secret;

public interface StringCredentials extends StandardCredentials {
    Secret getSecret();
}
