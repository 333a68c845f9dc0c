package io.kubeims.hss.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeims.store.JsonFields;
import io.kubeims.store.ValueCodec;

/**
 * An entry of the public identity index: which private identity claims the IMPU, since when, and a unique token so
 * that every (re)claim is a distinct value for compare-and-set. The index is authoritative only together with the
 * owner's subscriber record; see {@link CachedSubscriberStore}.
 *
 * @param privateIdentity the claiming IMPI
 * @param claimedAtMillis when it was claimed or last refreshed, epoch milliseconds
 * @param token           unique per claim write
 */
record PublicIdentityClaim(String privateIdentity, long claimedAtMillis, String token) {

    /** {"privateIdentity": ..., "claimedAt": epoch millis, "token": ...}. */
    static final class Json implements ValueCodec<PublicIdentityClaim> {

        private final ObjectMapper mapper = new ObjectMapper();

        @Override
        public String encode(PublicIdentityClaim claim) {
            ObjectNode root = JsonFields.newObject();
            root.put("privateIdentity", claim.privateIdentity());
            root.put("claimedAt", claim.claimedAtMillis());
            root.put("token", claim.token());
            return JsonFields.write(root);
        }

        @Override
        public PublicIdentityClaim decode(String cache, String key, String stored) {
            JsonFields fields = new JsonFields(mapper, cache, key);
            ObjectNode root = fields.parseObject(stored);
            return new PublicIdentityClaim(fields.text(root, "privateIdentity"), fields.integer(root, "claimedAt"),
                    fields.text(root, "token"));
        }
    }
}
