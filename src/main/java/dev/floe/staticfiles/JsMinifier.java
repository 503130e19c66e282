package dev.floe.staticfiles;

/**
 * A conservative JavaScript minifier: drops comments, indentation, blank lines and runs of spaces, but keeps line
 * breaks so automatic semicolon insertion means what it meant, and leaves strings, template literals and regular
 * expressions untouched. (No maintained pure-Java minifier is served here: Closure Compiler's parent POM is missing.)
 */
final class JsMinifier {

    private JsMinifier() {
    }

    static String minify(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        boolean pendingSpace = false;
        boolean pendingNewline = false;
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                String comment = source.substring(i, end < 0 ? n : end + 2);
                if (comment.startsWith("/*!")) {
                    flush(out, pendingSpace, pendingNewline);
                    pendingSpace = pendingNewline = false;
                    out.append(comment);
                } else if (comment.indexOf('\n') >= 0) {
                    pendingNewline = true;
                } else {
                    pendingSpace = true;
                }
                i = end < 0 ? n : end + 2;
                continue;
            }
            if (c == '\n' || c == '\r') {
                pendingNewline = true;
                i++;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\f' || c == '\u00a0') {
                pendingSpace = true;
                i++;
                continue;
            }
            if (out.length() > 0) {
                if (pendingNewline) {
                    out.append('\n');
                } else if (pendingSpace && needsSpace(out.charAt(out.length() - 1), c)) {
                    out.append(' ');
                }
            }
            pendingSpace = pendingNewline = false;
            if (c == '"' || c == '\'' || c == '`') {
                i = copyQuoted(source, i, c, out);
                continue;
            }
            if (c == '/' && startsRegex(out)) {
                i = copyRegex(source, i, out);
                continue;
            }
            out.append(c);
            i++;
        }
        return out.append('\n').toString();
    }

    private static void flush(StringBuilder out, boolean space, boolean newline) {
        if (out.length() > 0) {
            if (newline) {
                out.append('\n');
            } else if (space) {
                out.append(' ');
            }
        }
    }

    /** A space is needed between two identifier-ish characters, and between + + or - - (so a + +b stays). */
    private static boolean needsSpace(char before, char after) {
        if (isWordChar(before) && isWordChar(after)) {
            return true;
        }
        return (before == '+' || before == '-') && before == after;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '\\' || c > 126;
    }

    /** After these characters (or at the start) a slash begins a regular expression rather than a division. */
    private static boolean startsRegex(StringBuilder out) {
        int k = out.length() - 1;
        while (k >= 0 && (out.charAt(k) == ' ' || out.charAt(k) == '\n')) {
            k--;
        }
        if (k < 0) {
            return true;
        }
        char prev = out.charAt(k);
        if ("(,=:[!&|?{};~+-*%<>^\n".indexOf(prev) >= 0) {
            return true;
        }
        int end = k + 1;
        while (k >= 0 && Character.isLetter(out.charAt(k))) {
            k--;
        }
        String word = out.substring(k + 1, end);
        return word.equals("return") || word.equals("typeof") || word.equals("case") || word.equals("do")
                || word.equals("else") || word.equals("in") || word.equals("of") || word.equals("void")
                || word.equals("yield") || word.equals("await") || word.equals("delete") || word.equals("throw")
                || word.equals("new") || word.equals("instanceof");
    }

    private static int copyQuoted(String source, int start, char quote, StringBuilder out) {
        int i = start;
        out.append(source.charAt(i++));
        int depth = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            out.append(c);
            i++;
            if (c == '\\' && i < source.length()) {
                out.append(source.charAt(i++));
                continue;
            }
            if (quote == '`') {
                if (c == '$' && i < source.length() && source.charAt(i) == '{') {
                    depth++;
                    out.append(source.charAt(i++));
                    continue;
                }
                if (c == '}' && depth > 0) {
                    depth--;
                    continue;
                }
            }
            if (c == quote && depth == 0) {
                break;
            }
            if (quote != '`' && c == '\n') {
                break;
            }
        }
        return i;
    }

    private static int copyRegex(String source, int start, StringBuilder out) {
        int i = start;
        out.append(source.charAt(i++));
        boolean inClass = false;
        while (i < source.length()) {
            char c = source.charAt(i);
            out.append(c);
            i++;
            if (c == '\\' && i < source.length()) {
                out.append(source.charAt(i++));
            } else if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if ((c == '/' && !inClass) || c == '\n') {
                break;
            }
        }
        while (i < source.length() && Character.isLetter(source.charAt(i))) {
            out.append(source.charAt(i++));
        }
        return i;
    }
}
