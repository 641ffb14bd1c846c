package dev.smbq.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditWindowTest {
    @Test
    void messageIdsMustLieInTheWindowAndBeUsedOnce() {
        CreditWindow window = new CreditWindow(8);
        assertThat(window.consume(1, 1)).as("only 0 is open at first").isFalse();
        assertThat(window.consume(0, 1)).isTrue();
        assertThat(window.consume(0, 1)).as("used twice").isFalse();
        assertThat(window.grant(3)).isEqualTo(3);
        assertThat(window.consume(3, 1)).as("out of order is fine").isTrue();
        assertThat(window.consume(1, 2)).as("a two-credit request").isTrue();
        assertThat(window.consume(4, 1)).as("beyond the window").isFalse();
        assertThat(window.outstanding()).isZero();
    }

    @Test
    void grantsStayWithinTheMaximumButNeverLeaveTheClientWithout() {
        CreditWindow window = new CreditWindow(4);
        window.consume(0, 1);
        assertThat(window.grant(100)).isEqualTo(4);
        assertThat(window.grant(100)).isZero();
        for (long id = 1; id <= 4; id++) {
            assertThat(window.consume(id, 1)).isTrue();
        }
        assertThat(window.grant(0)).as("a client with no credit gets one").isEqualTo(1);
    }
}
