package dev.canopy.web;

/**
 * The check every name, title and position passes: no control characters, including the invisible bidirectional
 * controls and zero-width characters that could make one portal's or person's name look like another's. Zero-width
 * joiners and non-joiners stay allowed, because some scripts need them in ordinary names.
 */
public final class PlainText {

    private PlainText() {}

    /** Returns whether the text contains a control character, a bidirectional control or an invisible space. */
    public static boolean hasControlCharacters(String text) {
        return text.codePoints().anyMatch(PlainText::control);
    }

    private static boolean control(int codePoint) {
        if (Character.isISOControl(codePoint)) {
            return true;
        }
        return codePoint == 0x061C
                || codePoint == 0x200B
                || codePoint == 0x200E
                || codePoint == 0x200F
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2060 && codePoint <= 0x2069)
                || codePoint == 0xFEFF;
    }
}
