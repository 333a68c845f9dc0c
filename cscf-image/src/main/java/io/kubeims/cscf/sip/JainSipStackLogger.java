package io.kubeims.cscf.sip;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * jain-sip's internal log, routed to JBoss Logging category {@code io.kubeims.cscf.sip.stack} without log4j.
 *
 * <p>Everything the stack says goes to DEBUG (fatal errors to ERROR): the stack logs every malformed packet at ERROR
 * (docs/jain-sip-notes.md 4), which would let any sender flood our log; our own dispatcher logs what matters. jain-sip
 * holds one static logger for all stacks of a JVM (the last one created), so each line carries the thread name,
 * which starts with the STACK_NAME of the stack doing the work. Instantiated by jain-sip by class name.
 */
public class JainSipStackLogger implements StackLogger {

    private static final Logger LOG = Logger.getLogger("io.kubeims.cscf.sip.stack");

    private String stackName = "jain-sip";

    /** Public no-arg constructor: jain-sip creates the logger reflectively. */
    public JainSipStackLogger() {
        // configured through setStackProperties
    }

    private static String line(String message) {
        return "[" + Thread.currentThread().getName() + "] " + message;
    }

    @Override
    public void logStackTrace() {
        logStackTrace(TRACE_TRACE);
    }

    @Override
    public void logStackTrace(int traceLevel) {
        if (LOG.isTraceEnabled()) {
            LOG.trace(line("stack trace"), new Exception("stack trace"));
        }
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        LOG.debug(line(String.valueOf(ex)), ex);
    }

    @Override
    public void logDebug(String message) {
        LOG.debug(line(message));
    }

    @Override
    public void logDebug(String message, Exception ex) {
        LOG.debug(line(message), ex);
    }

    @Override
    public void logTrace(String message) {
        LOG.trace(line(message));
    }

    @Override
    public void logFatalError(String message) {
        LOG.error(line(message));
    }

    @Override
    public void logError(String message) {
        LOG.debug(line(message));
    }

    @Override
    public void logError(String message, Exception ex) {
        LOG.debug(line(message), ex);
    }

    @Override
    public boolean isLoggingEnabled() {
        return LOG.isDebugEnabled();
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        if (logLevel <= TRACE_FATAL) {
            return true;
        }
        return logLevel >= TRACE_TRACE ? LOG.isTraceEnabled() : LOG.isDebugEnabled();
    }

    @Override
    public void logWarning(String message) {
        LOG.debug(line(message));
    }

    @Override
    public void logInfo(String message) {
        LOG.debug(line(message));
    }

    @Override
    public void disableLogging() {
        // levels come from the logging configuration
    }

    @Override
    public void enableLogging() {
        // levels come from the logging configuration
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
        // not logged
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        stackName = stackProperties.getProperty("javax.sip.STACK_NAME", stackName);
    }

    @Override
    public String getLoggerName() {
        return stackName;
    }
}
