/**
 * What a build's inputs are: the build context exactly as the Docker CLI would send it ({@link
 * io.jenkins.plugins.immutable.engine.inputs.BuildContext}, with {@code .dockerignore} ported from Docker in {@link
 * io.jenkins.plugins.immutable.engine.inputs.DockerIgnore}), the reproducible tar that carries it to the daemon
 * ({@link io.jenkins.plugins.immutable.engine.inputs.ContextTar}), and the digest that identifies those inputs so an
 * image is built once ({@link io.jenkins.plugins.immutable.engine.inputs.InputDigest}). Depends only on the
 * engine's {@code api} package, the JDK and commons-compress.
 */
package io.jenkins.plugins.immutable.engine.inputs;
