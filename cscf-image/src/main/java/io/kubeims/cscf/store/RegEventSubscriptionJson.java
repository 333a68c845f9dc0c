package io.kubeims.cscf.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeims.store.JsonFields;
import io.kubeims.store.ValueCodec;

/**
 * The stored form of a {@link RegEventSubscription}:
 * <pre>
 * {"id": ..., "watchedIdentity": ..., "subscriberUri": ..., "routeSet": [...], "remoteTarget": ...,
 *  "expiresAt": epochMillis, "version": n, "localCseq": n}
 * </pre>
 */
final class RegEventSubscriptionJson implements ValueCodec<RegEventSubscription> {

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public String encode(RegEventSubscription subscription) {
        ObjectNode root = JsonFields.newObject();
        root.put("id", subscription.id());
        root.put("watchedIdentity", subscription.watchedIdentity());
        root.put("subscriberUri", subscription.subscriberUri());
        JsonFields.putTextList(root, "routeSet", subscription.routeSet());
        root.put("remoteTarget", subscription.remoteTarget());
        root.put("expiresAt", subscription.expiresAt().toEpochMilli());
        root.put("version", subscription.version());
        root.put("localCseq", subscription.localCseq());
        return JsonFields.write(root);
    }

    @Override
    public RegEventSubscription decode(String cache, String key, String stored) {
        JsonFields fields = new JsonFields(mapper, cache, key);
        ObjectNode root = fields.parseObject(stored);
        try {
            return new RegEventSubscription(fields.text(root, "id"), fields.text(root, "watchedIdentity"),
                    fields.text(root, "subscriberUri"), fields.textList(root, "routeSet"),
                    fields.text(root, "remoteTarget"), fields.instant(root, "expiresAt"),
                    fields.integer(root, "version"), fields.integer(root, "localCseq"));
        } catch (InvalidCscfStateException e) {
            throw fields.corrupt("invalid subscription: " + e.getMessage(), e);
        }
    }
}
