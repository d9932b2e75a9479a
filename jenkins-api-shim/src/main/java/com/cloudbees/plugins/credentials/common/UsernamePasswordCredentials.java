// Source: jenkinsci/credentials-plugin src/main/java/com/cloudbees/plugins/credentials/common/UsernamePasswordCredentials.java
package com.cloudbees.plugins.credentials.common;

public interface UsernamePasswordCredentials extends UsernameCredentials, PasswordCredentials {
}
