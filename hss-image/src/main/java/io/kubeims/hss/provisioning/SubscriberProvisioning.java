package io.kubeims.hss.provisioning;

import io.kubeims.api.v1alpha1.ifcprofile.IfcProfileMapping;
import io.kubeims.api.v1alpha1.ifcprofile.IfcProfileSpec;
import io.kubeims.api.v1alpha1.ifcprofile.InitialFilterCriterionSpec;
import io.kubeims.cx.message.DeregistrationReason;
import io.kubeims.hss.store.DynamicStateStore;
import io.kubeims.hss.store.HssStorage;
import io.kubeims.hss.store.RegistrationRecord;
import io.kubeims.hss.store.SubscriberStore;
import io.kubeims.hss.subscriber.Credentials;
import io.kubeims.hss.subscriber.IdentitySyntax;
import io.kubeims.hss.subscriber.Subscriber;
import io.kubeims.protocol.ifc.InitialFilterCriteria;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The provisioning operations behind the REST resources: validates requests into {@link Subscriber}s, writes them
 * to the {@link SubscriberStore} and tells every {@link SubscriberChangeListener} bean what changed. Read-modify-write
 * operations on one IMPI are serialised within this HSS instance (striped locks), so two concurrent sub-resource
 * updates cannot lose each other's change here; across HSS replicas the last write wins.
 */
@ApplicationScoped
public class SubscriberProvisioning {

    private static final Logger LOG = Logger.getLogger(SubscriberProvisioning.class);
    private static final int LOCK_STRIPES = 64;

    private final SubscriberStore subscribers;
    private final DynamicStateStore dynamicState;
    private final List<SubscriberChangeListener> listeners;
    private final Object[] locks = new Object[LOCK_STRIPES];

    SubscriberProvisioning(HssStorage storage, @All List<SubscriberChangeListener> listeners) {
        this.subscribers = storage.subscribers();
        this.dynamicState = storage.dynamicState();
        this.listeners = List.copyOf(listeners);
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /**
     * The outcome of a create-or-replace.
     *
     * @param subscriber the subscriber now stored
     * @param created    whether there was none before
     */
    public record PutResult(Subscriber subscriber, boolean created) {
    }

    /**
     * Creates or replaces a subscriber (idempotent: the same request twice leaves the same state and notifies once).
     *
     * @throws InvalidRequestException if the body is missing or a field is unusable
     * @throws io.kubeims.hss.subscriber.InvalidSubscriberException if the subscriber data is invalid
     * @throws io.kubeims.protocol.ifc.InvalidIfcException if the iFCs are invalid
     * @throws io.kubeims.hss.store.DuplicatePublicIdentityException if an identity belongs to another subscriber
     */
    public PutResult put(String privateIdentity, SubscriberRequest request) {
        requirePrivateIdentity(privateIdentity);
        if (request == null) {
            throw new InvalidRequestException("body", "a subscriber JSON object is required");
        }
        if (request.privateIdentity() != null && !request.privateIdentity().equals(privateIdentity)) {
            throw new InvalidRequestException("privateIdentity", "'" + request.privateIdentity()
                    + "' differs from the private identity of the path, " + privateIdentity);
        }
        var publicIdentities = PublicIdentityMapping.toModel(request.publicIdentities(), "publicIdentities");
        List<InitialFilterCriteria> ifcs = initialFilterCriteria(request.initialFilterCriteria());
        Credentials requested = request.auth() == null ? null : request.auth().toCredentials("auth.");
        synchronized (lockOf(privateIdentity)) {
            Optional<Subscriber> before = subscribers.get(privateIdentity);
            Credentials credentials = requested != null ? requested
                    : before.map(Subscriber::credentials).orElseThrow(() -> new InvalidRequestException("auth",
                            "is required when creating a subscriber"));
            Subscriber after = new Subscriber(privateIdentity, publicIdentities, Boolean.TRUE.equals(request.barred()),
                    credentials, ifcs);
            store(before, after);
            return new PutResult(after, before.isEmpty());
        }
    }

    /** @throws UnknownResourceException if no such subscriber is provisioned */
    public Subscriber get(String privateIdentity) {
        requirePrivateIdentity(privateIdentity);
        return subscribers.get(privateIdentity)
                .orElseThrow(() -> UnknownResourceException.subscriber(privateIdentity));
    }

    /**
     * Deletes a subscriber; its dynamic state stays (see {@link DynamicStateStore}).
     *
     * @throws UnknownResourceException if no such subscriber is provisioned
     */
    public Subscriber delete(String privateIdentity) {
        requirePrivateIdentity(privateIdentity);
        Subscriber deleted;
        synchronized (lockOf(privateIdentity)) {
            deleted = subscribers.delete(privateIdentity)
                    .orElseThrow(() -> UnknownResourceException.subscriber(privateIdentity));
        }
        LOG.debugf("subscriber %s deleted", privateIdentity);
        notifyListeners(privateIdentity, listener -> listener.deleted(deleted));
        return deleted;
    }

    /**
     * A stored subscriber before and after an update.
     *
     * @param before the subscriber the update started from
     * @param after  the subscriber now stored (equal to before when nothing changed)
     */
    public record Revision(Subscriber before, Subscriber after) {
    }

    /**
     * Replaces a stored subscriber by {@code edit} applied to it.
     *
     * @param edit builds the new subscriber from the stored one; may throw validation exceptions
     * @throws UnknownResourceException if no such subscriber is provisioned
     */
    public Revision update(String privateIdentity, UnaryOperator<Subscriber> edit) {
        requirePrivateIdentity(privateIdentity);
        synchronized (lockOf(privateIdentity)) {
            Subscriber current = subscribers.get(privateIdentity)
                    .orElseThrow(() -> UnknownResourceException.subscriber(privateIdentity));
            Subscriber after = edit.apply(current);
            store(Optional.of(current), after);
            return new Revision(current, after);
        }
    }

    /**
     * @return the registration record of a provisioned subscriber
     * @throws UnknownResourceException if no such subscriber is provisioned
     */
    public RegistrationRecord registration(String privateIdentity) {
        get(privateIdentity);
        return dynamicState.registration(privateIdentity);
    }

    /**
     * Asks the listener to de-register a subscriber that has an assigned S-CSCF.
     *
     * @return the registration record when the request was accepted
     * @throws UnknownResourceException if no such subscriber is provisioned
     * @throws NotRegisteredException   if no S-CSCF is assigned
     */
    public RegistrationRecord requestDeregistration(String privateIdentity, DeregistrationReason reason) {
        RegistrationRecord record = registration(privateIdentity);
        if (record.serverName() == null) {
            throw new NotRegisteredException(privateIdentity);
        }
        LOG.debugf("de-registration of %s from %s requested (%s)", privateIdentity, record.serverName(),
                reason.reasonCode());
        notifyListeners(privateIdentity, listener -> listener.deregistrationRequested(privateIdentity, reason));
        return record;
    }

    /**
     * The iFC JSON model as validated TS 29.228 iFCs; none for a null list.
     *
     * @throws io.kubeims.protocol.ifc.InvalidIfcException naming the spec path of the first problem
     */
    static List<InitialFilterCriteria> initialFilterCriteria(List<InitialFilterCriterionSpec> criteria) {
        IfcProfileSpec spec = new IfcProfileSpec();
        spec.setInitialFilterCriteria(criteria == null ? new ArrayList<>() : new ArrayList<>(criteria));
        return IfcProfileMapping.toModel(spec);
    }

    private void store(Optional<Subscriber> before, Subscriber after) {
        if (before.isPresent() && before.get().equals(after)) {
            LOG.debugf("subscriber %s unchanged", after.privateIdentity());
            return;
        }
        subscribers.put(after);
        LOG.debugf("subscriber %s %s", after.privateIdentity(), before.isEmpty() ? "created" : "changed");
        notifyListeners(after.privateIdentity(), before.isEmpty() ? listener -> listener.created(after)
                : listener -> listener.changed(before.get(), after));
    }

    /**
     * The change is stored whatever the listeners do: a failing listener is logged, not answered to the client, and
     * the others are still told.
     */
    private void notifyListeners(String privateIdentity, Consumer<SubscriberChangeListener> call) {
        for (SubscriberChangeListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warnf(e, "the change listener %s failed for subscriber %s; the change itself is stored",
                        listener.getClass().getSimpleName(), privateIdentity);
            }
        }
    }

    private Object lockOf(String privateIdentity) {
        return locks[Math.floorMod(privateIdentity.hashCode(), locks.length)];
    }

    private static void requirePrivateIdentity(String privateIdentity) {
        IdentitySyntax.requirePrivateIdentity("privateIdentity", privateIdentity);
    }
}
