// Source: jenkinsci/jenkins core/src/main/java/hudson/util/Secret.java (jenkins-2.479.3)
package hudson.util;

import java.io.Serializable;

public final class Secret implements Serializable {

    /*package*/ Secret(String value) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public String getPlainText() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public static Secret fromString(String data) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public static String toString(Secret s) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
