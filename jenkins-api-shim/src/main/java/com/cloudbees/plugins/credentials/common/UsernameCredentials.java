// Source: jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/common/UsernameCredentials.java
package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

public interface UsernameCredentials extends Credentials {
    String getUsername();
}
