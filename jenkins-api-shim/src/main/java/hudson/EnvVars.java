// Source: jenkinsci/jenkins core/src/main/java/hudson/EnvVars.java (jenkins-2.479.3)
package hudson;

import java.util.Map;
import java.util.TreeMap;

public class EnvVars extends TreeMap<String, String> {

    public EnvVars() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public EnvVars(Map<String, String> m) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public EnvVars(EnvVars m) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public EnvVars(String... keyValuePairs) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public void override(String key, String value) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public EnvVars overrideAll(Map<String, String> all) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public String get(String key, String defaultValue) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public String expand(String s) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
