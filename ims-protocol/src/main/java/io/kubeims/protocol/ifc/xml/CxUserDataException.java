package io.kubeims.protocol.ifc.xml;

/**
 * A Cx-User-Data document (TS 29.228 Annex E) that is not well-formed, not valid against the schema, or
 * carries invalid subscription data; {@link #lineNumber()} and {@link #columnNumber()} locate the problem.
 */
public class CxUserDataException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int lineNumber;
    private final int columnNumber;

    /**
     * @param problem what is wrong
     * @param lineNumber 1-based line of the problem, or -1 if unknown
     * @param columnNumber 1-based column of the problem, or -1 if unknown
     * @param cause the underlying error, or null
     */
    public CxUserDataException(String problem, int lineNumber, int columnNumber, Throwable cause) {
        super(location(lineNumber, columnNumber) + problem, cause);
        this.lineNumber = lineNumber;
        this.columnNumber = columnNumber;
    }

    /** @return 1-based line of the problem, or -1 if unknown */
    public int lineNumber() {
        return lineNumber;
    }

    /** @return 1-based column of the problem, or -1 if unknown */
    public int columnNumber() {
        return columnNumber;
    }

    private static String location(int line, int column) {
        if (line < 0) {
            return "Cx-User-Data: ";
        }
        return "Cx-User-Data line " + line + (column < 0 ? "" : ", column " + column) + ": ";
    }
}
