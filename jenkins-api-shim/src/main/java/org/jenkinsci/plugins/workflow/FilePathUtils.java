// Source: jenkinsci/workflow-api-plugin src/main/java/org/jenkinsci/plugins/workflow/FilePathUtils.java
// getNodeNameOrNull and the Listener extension are left out.
package org.jenkinsci.plugins.workflow;

import hudson.FilePath;

public class FilePathUtils {

    private FilePathUtils() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public static String getNodeName(FilePath f) throws IllegalStateException {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public static FilePath find(String node, String path) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
