package io.kubeims.cscf.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Collects the log records (DEBUG and up) of a logger category and its children while attached, so that a test can
 * check what a request logged (once, at which level, never a secret).
 */
public final class CapturedLog extends Handler implements AutoCloseable {

    /** One formatted record, followed by {@code " | "} and each exception of its cause chain, if any. */
    public record Line(Level level, String message) {
    }

    private final Logger logger;
    private final Level previous;
    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private CapturedLog(String category) {
        this.logger = Logger.getLogger(category);
        this.previous = logger.getLevel();
        setLevel(Level.ALL);
        logger.setLevel(Level.FINE);
        logger.addHandler(this);
    }

    /** Everything logged under {@code category} (a package name covers its classes). */
    public static CapturedLog of(String category) {
        return new CapturedLog(category);
    }

    /** Everything {@code category} logs. */
    public static CapturedLog of(Class<?> category) {
        return new CapturedLog(category.getName());
    }

    @Override
    public void publish(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        StringBuilder text = new StringBuilder(String.valueOf(message));
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            text.append(" | ").append(t);
        }
        lines.add(new Line(record.getLevel(), text.toString()));
    }

    /** The lines mentioning {@code text}. */
    public List<Line> mentioning(String text) {
        return lines.stream().filter(line -> line.message().contains(text)).toList();
    }

    /**
     * The one line mentioning {@code text} (a request is logged once, with its Call-ID); fails the test when there
     * is none or more than one.
     */
    public Line onlyLineMentioning(String text) {
        List<Line> found = mentioning(text);
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }

    /** All lines so far. */
    public List<Line> all() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    /** Detaches and restores the category's level. */
    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previous);
    }
}
