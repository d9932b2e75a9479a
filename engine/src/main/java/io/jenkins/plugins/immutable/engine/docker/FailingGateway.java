package io.jenkins.plugins.immutable.engine.docker;

import io.jenkins.plugins.immutable.engine.api.ReleaseException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;

/**
 * A gateway to a daemon that could not even be set up (its TLS files do not make an SSL context): every call fails with
 * the same message. It keeps the failure where the engine reports failures, in the operation that needs the daemon,
 * instead of in the code that hands out gateways.
 */
final class FailingGateway {

    private FailingGateway() {
    }

    static DockerGateway of(String host, ReleaseException why) {
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "host" -> host;
            case "close" -> null;
            case "toString" -> "unusable Docker host " + host;
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> throw new ReleaseException(why.kind(), why.getMessage(), why.getCause());
        };
        return (DockerGateway) Proxy.newProxyInstance(DockerGateway.class.getClassLoader(), new Class<?>[] {DockerGateway.class},
                handler);
    }
}
