// Source: jenkinsci/jenkins core/src/main/java/hudson/security/ACLContext.java (jenkins-2.479.3)
// getPreviousContext2/getPreviousContext are left out.
package hudson.security;

public class ACLContext implements AutoCloseable {

    // The real constructor is package-private and takes a SecurityContext; this one stops javac inventing a public one.
    ACLContext() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
