package io.kubeims.cscf.sip;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import javax.sip.SipStack;
import org.jboss.logging.Logger;

/**
 * jain-sip's message trace (every message sent and received), routed to JBoss Logging category
 * {@code io.kubeims.cscf.sip.trace} at DEBUG. jain-sip only calls it when the stack logger has INFO enabled, i.e. when
 * {@code io.kubeims.cscf.sip.stack} is at DEBUG (docs/jain-sip-notes.md 1). Instantiated by jain-sip by class name.
 */
public class JainSipMessageLogger implements ServerLogger {

    private static final Logger LOG = Logger.getLogger("io.kubeims.cscf.sip.trace");

    private String stackName = "jain-sip";

    /** Public no-arg constructor: jain-sip creates the logger reflectively. */
    public JainSipMessageLogger() {
        // configured through setStackProperties
    }

    @Override
    public void closeLogFile() {
        // nothing to close
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        logMessage(message, from, to, null, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        logMessage(message, from, to, status, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        if (LOG.isDebugEnabled()) {
            LOG.debugf("%s %s %s -> %s%n%s", stackName, sender ? "sent" : "received", from, to, message.encode());
        }
    }

    @Override
    public void logException(Exception ex) {
        LOG.debug(stackName + ": exception", ex);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        stackName = stackProperties.getProperty("javax.sip.STACK_NAME", stackName);
    }

    @Override
    public void setSipStack(SipStack sipStack) {
        // not needed
    }
}
