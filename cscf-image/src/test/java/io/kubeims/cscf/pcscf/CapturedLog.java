package io.kubeims.cscf.pcscf;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/** Collects the log records of one logger category (DEBUG and up) while attached. */
final class CapturedLog extends Handler implements AutoCloseable {

    /** One formatted record. */
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

    static CapturedLog of(Class<?> category) {
        return new CapturedLog(category.getName());
    }

    @Override
    public void publish(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        lines.add(new Line(record.getLevel(), message));
    }

    /** The lines mentioning {@code text}. */
    List<Line> mentioning(String text) {
        return lines.stream().filter(line -> line.message() != null && line.message().contains(text)).toList();
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
