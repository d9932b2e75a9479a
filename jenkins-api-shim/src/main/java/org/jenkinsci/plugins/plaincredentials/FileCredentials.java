// Source: jenkinsci/plain-credentials-plugin src/main/java/org/jenkinsci/plugins/plaincredentials/FileCredentials.java
// @NameWith, the nested NameProvider and the javax.annotation.Nonnull nullness annotations are left out.
package org.jenkinsci.plugins.plaincredentials;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import java.io.IOException;
import java.io.InputStream;

/**
 * Credentials consisting of a secret file.
 */
public interface FileCredentials extends StandardCredentials {

    String getFileName();

    InputStream getContent() throws IOException;
}
