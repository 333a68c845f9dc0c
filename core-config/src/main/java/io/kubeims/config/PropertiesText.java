package io.kubeims.config;

/** Escapes keys and values for a {@code .properties} text (the format of {@link java.util.Properties#load}). */
final class PropertiesText {

    private PropertiesText() {
    }

    /**
     * @param text the key or value
     * @param key  whether it is a key ({@code = : #!} and every space are escaped) or a value (only a leading space)
     */
    static String escape(String text, boolean key) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                case '\f' -> escaped.append("\\f");
                case ' ' -> escaped.append(key || i == 0 ? "\\ " : " ");
                case '=', ':', '#', '!' -> {
                    if (key || i == 0) {
                        escaped.append('\\');
                    }
                    escaped.append(c);
                }
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
