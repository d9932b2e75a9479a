// Source: jenkinsci/remoting src/main/java/org/jenkinsci/remoting/RoleChecker.java
// Only the type: its check(...) methods take org.jenkinsci.remoting.Role, which the plugin never uses.
package org.jenkinsci.remoting;

public abstract class RoleChecker {

    // Same signature as the real class's implicit constructor.
    public RoleChecker() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
