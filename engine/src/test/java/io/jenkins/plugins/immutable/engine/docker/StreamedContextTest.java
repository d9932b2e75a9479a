package io.jenkins.plugins.immutable.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.immutable.engine.api.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The context tar written on its own thread while it is read: whole, or never ending as if it were whole. */
class StreamedContextTest {

    private static final byte[] MEGABYTES = new byte[3 * 1024 * 1024 + 17];

    static {
        for (int i = 0; i < MEGABYTES.length; i++) {
            MEGABYTES[i] = (byte) (i * 31);
        }
    }

    @Test
    @Timeout(30)
    void theReaderGetsEveryByteThenTheEnd() throws Exception {
        try (StreamedContext context = StreamedContext.start(out -> {
            for (int i = 0; i < MEGABYTES.length; i += 1000) {
                out.write(MEGABYTES, i, Math.min(1000, MEGABYTES.length - i));
            }
        })) {
            byte[] read = context.input().readAllBytes();

            assertThat(Arrays.equals(read, MEGABYTES)).as("same bytes, %d read", read.length).isTrue();
            context.rethrowFailure(); // none
        }
    }

    @Test
    @Timeout(30)
    void aWriterThatFailsMakesTheStreamFailInsteadOfEnding() throws Exception {
        InvalidInputException changed = new InvalidInputException("context", "www/index.html changed while the build context was read");
        try (StreamedContext context = StreamedContext.start(out -> {
            out.write(MEGABYTES, 0, 1024 * 1024); // whole entries so far: a tar that ended here would look complete
            throw changed;
        })) {
            InputStream in = context.input();

            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
                    .hasMessageContaining("could not be written whole").hasCause(changed);
            assertThatThrownBy(context::rethrowFailure).isSameAs(changed);
        }
    }

    @Test
    @Timeout(30)
    void aReaderThatStopsEarlyReleasesTheWriter() throws Exception {
        long started = System.nanoTime();
        StreamedContext context = StreamedContext.start(out -> {
            while (true) {
                out.write(MEGABYTES); // far more than a pipe holds: blocks until the reader goes away
            }
        });
        assertThat(context.input().read(new byte[4096])).isPositive();

        context.rethrowFailure(); // the daemon gave up: the writer fails on the closed pipe and ends, with no failure of its own

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    @Timeout(30)
    void aRequestThatFailsBeforeReadingAByteReleasesTheWriterToo() throws Exception {
        StreamedContext context = StreamedContext.start(out -> {
            while (true) {
                out.write(MEGABYTES); // the daemon was unreachable: nobody ever reads
            }
        });

        context.rethrowFailure();

        context.close(); // again: harmless
    }

    @Test
    void aUnixSocketsTlsContextRefusesEveryUse() {
        javax.net.ssl.SSLContext none = UnixSocketSsl.INSTANCE.getSSLContext();

        assertThat(none.getProtocol()).isEqualTo("none");
        assertThatThrownBy(none::getSocketFactory).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("Unix socket");
        assertThatThrownBy(none::createSSLEngine).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> none.init(null, null, null)).isInstanceOf(UnsupportedOperationException.class);
    }
}
