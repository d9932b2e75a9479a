// Source: jenkinsci/jenkins core/src/main/java/hudson/security/Permission.java (jenkins-2.479.3)
// Type only: the plugin passes the constants (Item.EXTENDED_READ, Jenkins.ADMINISTER, CredentialsProvider.USE_ITEM).
package hudson.security;

public final class Permission {

    // The real constructors take (PermissionGroup, String, Localizable, ...); this one stops javac inventing a public one.
    private Permission() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
