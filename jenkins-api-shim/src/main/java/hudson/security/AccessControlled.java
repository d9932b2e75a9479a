// Source: jenkinsci/jenkins core/src/main/java/hudson/security/AccessControlled.java (jenkins-2.479.3)
// Kept: getACL (abstract, forced) and hasPermission(Permission); the other default methods are left out.
package hudson.security;

public interface AccessControlled {

    ACL getACL();

    default boolean hasPermission(Permission permission) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
