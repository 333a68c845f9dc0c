package io.kubeims.hss.provisioning;

import io.kubeims.cx.message.DeregistrationReason;
import io.kubeims.hss.subscriber.Subscriber;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test bean told about every change besides the HSS's own listener (the RTR/PPR notifier): records every call so
 * tests can see what the provisioning API told the network side. Tests share one application, so they filter calls
 * by private identity.
 */
@ApplicationScoped
public class RecordingChangeListener implements SubscriberChangeListener {

    /** One call: which method, the IMPI, and its arguments. */
    record Call(String kind, String privateIdentity, Subscriber before, Subscriber after,
            DeregistrationReason reason) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public void created(Subscriber subscriber) {
        calls.add(new Call("created", subscriber.privateIdentity(), null, subscriber, null));
    }

    @Override
    public void changed(Subscriber before, Subscriber after) {
        calls.add(new Call("changed", after.privateIdentity(), before, after, null));
    }

    @Override
    public void deleted(Subscriber subscriber) {
        calls.add(new Call("deleted", subscriber.privateIdentity(), subscriber, null, null));
    }

    @Override
    public void deregistrationRequested(String privateIdentity, DeregistrationReason reason) {
        calls.add(new Call("deregistrationRequested", privateIdentity, null, null, reason));
    }

    /** The calls about one subscriber, in order. */
    List<Call> callsFor(String privateIdentity) {
        return calls.stream().filter(c -> c.privateIdentity().equals(privateIdentity)).toList();
    }

    /** The kinds of the calls about one subscriber, in order. */
    List<String> kindsFor(String privateIdentity) {
        return callsFor(privateIdentity).stream().map(Call::kind).toList();
    }
}
