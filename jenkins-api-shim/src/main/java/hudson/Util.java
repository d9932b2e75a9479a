// Source: jenkinsci/jenkins core/src/main/java/hudson/Util.java (jenkins-2.479.3)
package hudson;

public class Util {

    // Same signature as the real class's implicit constructor.
    public Util() {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public static String fixEmpty(String s) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public static String fixEmptyAndTrim(String s) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }

    public static String fixNull(String s) {
        throw new UnsupportedOperationException("jenkins-api-shim: compile-time declaration only");
    }
}
