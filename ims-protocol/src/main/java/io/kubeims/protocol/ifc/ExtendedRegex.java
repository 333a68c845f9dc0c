package io.kubeims.protocol.ifc;

import io.kubeims.protocol.regex.InvalidPosixEreException;
import io.kubeims.protocol.regex.PosixEre;

/**
 * A POSIX Extended Regular Expression (IEEE Std 1003.1 ERE, the syntax TS 29.228 Annex B prescribes for the
 * RequestURI, SIPHeader and SessionDescription contents of an SPT), compiled once by {@link PosixEre} and matched
 * case-sensitively. {@link #find} has {@code regexec()} semantics: true when the expression matches anywhere in
 * the subject unless it is anchored with {@code ^}/{@code $}.
 *
 * <p>Equality is by the ERE source text. Only a match/no-match answer is exposed, so the difference between
 * POSIX leftmost-longest and Java leftmost-first alternation never shows.
 */
public final class ExtendedRegex {

    private final PosixEre ere;

    private ExtendedRegex(PosixEre ere) {
        this.ere = ere;
    }

    /**
     * @param expression a POSIX ERE
     * @return the compiled expression
     * @throws InvalidIfcException if {@code expression} is null, has a character XML 1.0 cannot carry, or is not
     *         a valid ERE; the message is "invalid regular expression '<ere>' at index N: <problem>" and the
     *         cause the {@link InvalidPosixEreException}
     */
    public static ExtendedRegex compile(String expression) {
        FieldChecks.required(expression, "regular expression");
        FieldChecks.xmlText(expression, "regular expression");
        try {
            return new ExtendedRegex(PosixEre.compile(expression, false));
        } catch (InvalidPosixEreException e) {
            throw new InvalidIfcException("invalid regular expression '" + expression + "' at index " + e.index()
                    + ": " + e.problem(), e);
        }
    }

    /** @return the ERE source text, exactly as given */
    public String expression() {
        return ere.expression();
    }

    /**
     * @param subject the text to search
     * @return whether the expression matches some part of {@code subject}
     */
    public boolean find(CharSequence subject) {
        return ere.find(subject);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExtendedRegex that && ere.equals(that.ere);
    }

    @Override
    public int hashCode() {
        return ere.hashCode();
    }

    @Override
    public String toString() {
        return ere.expression();
    }
}
