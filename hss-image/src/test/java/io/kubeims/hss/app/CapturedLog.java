package io.kubeims.hss.app;

import org.jboss.logmanager.ExtLogRecord;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** The log records of one category (and its children) while open, with their messages formatted. */
final class CapturedLog extends Handler implements AutoCloseable {

    /** One record: its level's value (WARN 900, INFO 800, DEBUG 500) and its formatted message. */
    record Line(int level, String message) {
    }

    private final Logger logger;
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    private CapturedLog(Logger logger) {
        this.logger = logger;
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    static CapturedLog of(String category) {
        return new CapturedLog(Logger.getLogger(category));
    }

    /** The lines at exactly this level whose message contains {@code text}. */
    List<Line> at(Level level, String text) {
        return lines.stream().filter(l -> l.level() == level.intValue() && l.message().contains(text)).toList();
    }

    /** Every line whose message contains {@code text}. */
    List<Line> containing(String text) {
        return lines.stream().filter(l -> l.message().contains(text)).toList();
    }

    @Override
    public void publish(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage()
                : formatter.formatMessage(record);
        lines.add(new Line(record.getLevel().intValue(), message == null ? "" : message));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
