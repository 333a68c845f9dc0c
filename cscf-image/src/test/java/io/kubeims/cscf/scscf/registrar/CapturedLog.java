package io.kubeims.cscf.scscf.registrar;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/** Collects the log records (DEBUG and up) of a logger category and its children while attached. */
final class CapturedLog extends Handler implements AutoCloseable {

    /** One formatted record, with the stack trace text of its exception, if any. */
    record Line(Level level, String message) {
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
    static CapturedLog of(String category) {
        return new CapturedLog(category);
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
    List<Line> mentioning(String text) {
        return lines.stream().filter(line -> line.message().contains(text)).toList();
    }

    /** All lines so far. */
    List<Line> all() {
        return List.copyOf(lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previous);
    }
}
