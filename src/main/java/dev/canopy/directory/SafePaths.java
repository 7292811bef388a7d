package dev.canopy.directory;

/** Where Canopy may send a browser after sign-in: only a path on the same host. */
final class SafePaths {

    private SafePaths() {}

    /**
     * Returns the path when it stays on this host, or "/" for anything that could lead elsewhere. Braces come back
     * percent-encoded, because Spring MVC reads them in a {@code redirect:} view name as URI template variables.
     */
    static String local(String path) {
        if (path == null || path.isEmpty() || path.length() > 2000 || !path.startsWith("/")) {
            return "/";
        }
        if (path.startsWith("//") || path.startsWith("/\\") || path.contains("\\")) {
            return "/";
        }
        for (char c : path.toCharArray()) {
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                return "/";
            }
        }
        return path.replace("{", "%7B").replace("}", "%7D");
    }
}
