// Source: jenkinsci/jenkins core/src/main/java/hudson/security/ACL.java (jenkins-2.479.3)
// Only as2 and SYSTEM2 are kept; the real class's abstract hasPermission2 and the rest are left out.
package hudson.security;

import org.springframework.security.core.Authentication;

public abstract class ACL {

    // The real value is a UsernamePasswordAuthenticationToken for "SYSTEM"; the shim holds none (no test reads it).
    public static final Authentication SYSTEM2 = null;

    // Same signature as the real class's implicit constructor.
    public ACL() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public static ACLContext as2(Authentication auth) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
