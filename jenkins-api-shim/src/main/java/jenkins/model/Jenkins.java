// Source: jenkinsci/jenkins core/src/main/java/jenkins/model/Jenkins.java (jenkins-2.479.3)
// The real class extends AbstractCIBase and implements many interfaces; all left out.
package jenkins.model;

import hudson.model.Item;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

public class Jenkins {

    // The real constructors are protected and take (File, ServletContext[, PluginManager]) and throw
    // ReactorException. This private one exists only so that javac does not invent a public
    // constructor the real class lacks.
    private Jenkins() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public static Jenkins getInstanceOrNull() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public <T extends Item> T getItemByFullName(String fullName, Class<T> type) throws AccessDeniedException {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public String getRootUrl() throws IllegalStateException {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public static Authentication getAuthentication2() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
