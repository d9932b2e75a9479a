// Source: jenkinsci/jenkins core/src/main/java/jenkins/model/Jenkins.java (jenkins-2.479.3)
// The real class extends AbstractCIBase and implements many interfaces; only AccessControlled is kept.
package jenkins.model;

import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

public class Jenkins implements AccessControlled {

    // The real value is Permission.HUDSON_ADMINISTER; the shim holds none.
    public static final Permission ADMINISTER = null;


    // The real constructors are protected and take (File, ServletContext[, PluginManager]) and throw
    // ReactorException. This private one exists only so that javac does not invent a public
    // constructor the real class lacks.
    private Jenkins() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public <T extends Descriptor> T getDescriptorByType(Class<T> type) {
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

    @Override
    public ACL getACL() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
