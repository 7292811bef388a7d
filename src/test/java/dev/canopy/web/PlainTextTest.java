package dev.canopy.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void rejectsControlAndInvisibleDirectionCharacters() {
        assertThat(PlainText.hasControlCharacters("Acme\u0007")).isTrue();
        assertThat(PlainText.hasControlCharacters("Acme\u202Egro")).isTrue();
        assertThat(PlainText.hasControlCharacters("Ac\u200Bme")).isTrue();
        assertThat(PlainText.hasControlCharacters("\uFEFFAcme")).isTrue();
        assertThat(PlainText.hasControlCharacters("Ac\u2066me\u2069")).isTrue();
    }

    @Test
    void acceptsOrdinaryNamesInAnyScript() {
        assertThat(PlainText.hasControlCharacters("Zoë O'Neill-Åström")).isFalse();
        assertThat(PlainText.hasControlCharacters("محمد\u200Cرضا")).isFalse();
        assertThat(PlainText.hasControlCharacters("李小龍 😀")).isFalse();
    }
}
