/**
 * The router: HAProxy 2.6 driven through its runtime API on the admin unix socket, never by a reload.
 *
 * <ul>
 *   <li>{@link io.jenkins.plugins.immutable.engine.router.HaproxyRuntime} sends one command per connection and
 *       turns a missing or silent socket and a failed command into the engine's exceptions;</li>
 *   <li>{@link io.jenkins.plugins.immutable.engine.router.HaproxyRouter} reads the two colours of a backend and
 *       switches traffic between them: new colour {@code ready}, old colour {@code drain}, wait, {@code maint};</li>
 *   <li>{@link io.jenkins.plugins.immutable.engine.router.HaproxyConfig} renders a haproxy.cfg both can drive.</li>
 * </ul>
 *
 * <p>Depends on the engine's {@code api} package and the JDK only.
 */
package io.jenkins.plugins.immutable.engine.router;
