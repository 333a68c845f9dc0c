package io.kubeims.protocol.regex;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A POSIX Extended Regular Expression (IEEE Std 1003.1 XBD 9.4, POSIX locale) translated once into an equivalent
 * {@link Pattern}, matched as {@code regexec()} without {@code REG_NEWLINE} matches: {@code .} and a non-matching
 * list also match a newline, {@code $} matches only at the very end.
 *
 * <p>Accepted: the XBD 9.5.3 grammar (bracket expressions with character classes, single-character collating
 * symbols and equivalence classes; intervals up to RE_DUP_MAX), an unmatched {@code )} as a literal (XBD 9.4.3),
 * a backslash before punctuation as that character, and the glibc shorthands {@code \w \W \s \S \b \B} (ASCII, as
 * in the C locale) so that expressions written for {@code regcomp()} keep working. Refused rather than given
 * Java's or GNU's meaning: other backslash-letter/digit escapes ({@code \d}, back-references), repetitions with
 * nothing to repeat (so {@code (?...)} groups), stacked repetitions (so lazy/possessive quantifiers), the GNU
 * anchors {@code \< \> \` \'}, the GNU interval {@code {,n}} and the empty ERE.
 *
 * <p>Not reproduced: POSIX leftmost-longest matching. Java takes the first alternative that matches, so groups of
 * {@code (a|ab)} can differ; whether the expression matches at all does not.
 */
public final class PosixEre {

    private final String expression;
    private final boolean caseInsensitive;
    private final Pattern pattern;
    private final int groupCount;

    private PosixEre(String expression, boolean caseInsensitive, Pattern pattern) {
        this.expression = expression;
        this.caseInsensitive = caseInsensitive;
        this.pattern = pattern;
        this.groupCount = pattern.matcher("").groupCount();
    }

    /**
     * @param ere a POSIX ERE
     * @param caseInsensitive whether to match as with {@code REG_ICASE}
     * @return the compiled expression
     * @throws InvalidPosixEreException if {@code ere} is not an ERE this class accepts (see the class comment)
     * @throws NullPointerException if {@code ere} is null
     */
    public static PosixEre compile(String ere, boolean caseInsensitive) {
        Objects.requireNonNull(ere, "ere");
        String java = new EreTranslation(ere).toJava();
        int flags = Pattern.DOTALL | (caseInsensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        try {
            return new PosixEre(ere, caseInsensitive, Pattern.compile(java, flags));
        } catch (PatternSyntaxException e) {
            // Every literal is quoted and every construct checked, so this is a defect of the translation.
            throw new IllegalStateException("ERE '" + ere + "' translated to an invalid pattern '" + java + "'", e);
        }
    }

    /** @return the ERE exactly as given */
    public String expression() {
        return expression;
    }

    /** @return whether matching ignores case */
    public boolean caseInsensitive() {
        return caseInsensitive;
    }

    /** @return the equivalent java.util.regex pattern; its groups are the ERE's parenthesised subexpressions */
    public Pattern pattern() {
        return pattern;
    }

    /** @return the number of parenthesised subexpressions, numbered by their opening parenthesis */
    public int groupCount() {
        return groupCount;
    }

    /**
     * @param subject the text to search
     * @return whether the expression matches some part of {@code subject} (anchors aside, anywhere)
     */
    public boolean find(CharSequence subject) {
        return pattern.matcher(subject).find();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PosixEre that && expression.equals(that.expression)
                && caseInsensitive == that.caseInsensitive;
    }

    @Override
    public int hashCode() {
        return 31 * expression.hashCode() + Boolean.hashCode(caseInsensitive);
    }

    @Override
    public String toString() {
        return caseInsensitive ? expression + " (ignoring case)" : expression;
    }
}
