package io.jenkins.plugins.immutable.engine.api;

/** The Docker daemon, a registry or the router did not answer at the address the engine used. */
public class ComponentUnreachableException extends ReleaseException {

    private static final long serialVersionUID = 1L;

    /** The real components the engine talks to. */
    public enum Component {
        DOCKER_DAEMON("Docker daemon"),
        REGISTRY("registry"),
        ROUTER("HAProxy router");

        private final String label;

        Component(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Component component;
    private final String address;

    public ComponentUnreachableException(Component component, String address, String message, Throwable cause) {
        super(Kind.UNREACHABLE, message, cause);
        this.component = component;
        this.address = address;
    }

    public Component component() {
        return component;
    }

    public String address() {
        return address;
    }
}
