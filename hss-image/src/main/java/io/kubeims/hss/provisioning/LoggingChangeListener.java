package io.kubeims.hss.provisioning;

import io.kubeims.cx.message.DeregistrationReason;
import io.kubeims.hss.subscriber.Subscriber;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * The {@link SubscriberChangeListener} until the RTR/PPR notifier replaces it: logs each change at DEBUG (private
 * identities and reasons only) and does nothing else.
 */
@DefaultBean
@ApplicationScoped
public class LoggingChangeListener implements SubscriberChangeListener {

    private static final Logger LOG = Logger.getLogger(LoggingChangeListener.class);

    @Override
    public void created(Subscriber subscriber) {
        LOG.debugf("subscriber %s created", subscriber.privateIdentity());
    }

    @Override
    public void changed(Subscriber before, Subscriber after) {
        LOG.debugf("subscriber %s changed", after.privateIdentity());
    }

    @Override
    public void deleted(Subscriber subscriber) {
        LOG.debugf("subscriber %s deleted", subscriber.privateIdentity());
    }

    @Override
    public void deregistrationRequested(String privateIdentity, DeregistrationReason reason) {
        LOG.debugf("de-registration of %s requested (%s)", privateIdentity, reason.reasonCode());
    }
}
