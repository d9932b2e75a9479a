package io.jenkins.plugins.immutable.engine.docker;

import com.github.dockerjava.transport.SSLConfig;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The TLS settings handed to docker-java for a daemon on a Unix socket, where no TLS is ever spoken.
 *
 * <p>Given none, docker-java's httpclient5 transport builds the JVM's default TLS context anyway: the security
 * providers, the JSSE engine and the whole CA trust store, about 0.2 s of every command's start, for a socket that
 * cannot carry TLS. This context is a placeholder that is never initialised: the transport only keeps it for
 * {@code https} routes, which a {@code unix://} host never takes, and should anything ever ask it for TLS it refuses.
 * Only for {@code unix://} hosts: for {@code tcp://}, docker-java takes any TLS context as a request for HTTPS.
 */
final class UnixSocketSsl implements SSLConfig {

    static final UnixSocketSsl INSTANCE = new UnixSocketSsl();

    private UnixSocketSsl() {
    }

    @Override
    public SSLContext getSSLContext() {
        return new NoTls();
    }

    /** An {@link SSLContext} that speaks no TLS. */
    static final class NoTls extends SSLContext {
        NoTls() {
            super(new Refusing(), null, "none");
        }
    }

    private static final class Refusing extends SSLContextSpi {
        private static UnsupportedOperationException refused() {
            return new UnsupportedOperationException("the Docker daemon is on a Unix socket, which carries no TLS");
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) {
            throw refused();
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw refused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw refused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw refused();
        }
    }
}
