package io.kubeims.cscf.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubeims.protocol.aka.HexKey;
import io.kubeims.protocol.cx.SipAuthenticationScheme;
import io.kubeims.protocol.cx.UnknownAuthenticationSchemeException;
import io.kubeims.protocol.digest.Ha1;
import io.kubeims.store.JsonFields;
import io.kubeims.store.ValueCodec;

/**
 * The stored form of an {@link AuthChallenge}:
 * <pre>
 * {"nonce": ..., "impi": ..., "impu": ..., "realm": ..., "scheme": "Digest-AKAv1-MD5", "xres": hex, "ck": hex,
 *  "ik": hex | "scheme": "SIP Digest", "ha1": hex, "createdAt": epochMillis, "highestNc": n,
 *  "lastAccepted": {"nc": n, "response": ..., "viaBranch": ...}, "failedAttempts": n}
 * </pre>
 * Decoding errors name the field, never a secret value.
 */
final class AuthChallengeJson implements ValueCodec<AuthChallenge> {

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public String encode(AuthChallenge challenge) {
        ObjectNode root = JsonFields.newObject();
        root.put("nonce", challenge.nonce());
        root.put("impi", challenge.impi());
        root.put("impu", challenge.impu());
        root.put("realm", challenge.realm());
        root.put("scheme", challenge.scheme().wireValue());
        if (challenge.secret() instanceof ChallengeSecret.Aka aka) {
            root.put("xres", HexKey.format(aka.xres()));
            root.put("ck", HexKey.format(aka.ck()));
            root.put("ik", HexKey.format(aka.ik()));
        } else if (challenge.secret() instanceof ChallengeSecret.Md5Digest digest) {
            root.put("ha1", digest.ha1().hex());
        }
        root.put("createdAt", challenge.createdAt().toEpochMilli());
        root.put("highestNc", challenge.highestNc());
        ChallengeResponse last = challenge.lastAccepted();
        if (last != null) {
            ObjectNode node = root.putObject("lastAccepted");
            node.put("nc", last.nc());
            node.put("response", last.response());
            node.put("viaBranch", last.viaBranch());
        }
        if (challenge.failedAttempts() > 0) {
            root.put("failedAttempts", challenge.failedAttempts());
        }
        return JsonFields.write(root);
    }

    @Override
    public AuthChallenge decode(String cache, String key, String stored) {
        JsonFields fields = new JsonFields(mapper, cache, key);
        ObjectNode root = fields.parseObject(stored);
        try {
            ObjectNode last = fields.optionalObject(root, "lastAccepted");
            return new AuthChallenge(fields.text(root, "nonce"), fields.text(root, "impi"), fields.text(root, "impu"),
                    fields.text(root, "realm"), secret(fields, root), fields.instant(root, "createdAt"),
                    fields.integer(root, "highestNc"),
                    last == null ? null : new ChallengeResponse(fields.integer(last, "nc"),
                            fields.text(last, "response"), fields.text(last, "viaBranch")),
                    failedAttempts(fields, root));
        } catch (InvalidCscfStateException e) {
            throw fields.corrupt("invalid challenge: " + e.getMessage(), e);
        }
    }

    /** Absent in values written before the field existed: 0. */
    private static int failedAttempts(JsonFields fields, ObjectNode root) {
        Long stored = fields.optionalInteger(root, "failedAttempts");
        if (stored == null) {
            return 0;
        }
        if (stored < 0 || stored > AuthChallenge.MAX_FAILED_ATTEMPTS) {
            throw fields.corrupt("failedAttempts out of range", null);
        }
        return stored.intValue();
    }

    private static ChallengeSecret secret(JsonFields fields, ObjectNode root) {
        SipAuthenticationScheme scheme;
        try {
            scheme = SipAuthenticationScheme.parse(fields.text(root, "scheme"));
        } catch (UnknownAuthenticationSchemeException e) {
            throw fields.corrupt("unknown scheme", e);
        }
        try {
            return switch (scheme) {
                case DIGEST_AKA_V1_MD5 -> new ChallengeSecret.Aka(HexKey.parse("xres", fields.text(root, "xres")),
                        HexKey.parse("ck", fields.text(root, "ck")), HexKey.parse("ik", fields.text(root, "ik")));
                case SIP_DIGEST -> new ChallengeSecret.Md5Digest(new Ha1(fields.text(root, "ha1")));
                default -> throw fields.corrupt("scheme " + scheme.wireValue() + " is not challenged by the S-CSCF",
                        null);
            };
        } catch (IllegalArgumentException e) {
            // ims-protocol's hex errors name the parameter, never its value.
            throw fields.corrupt("invalid secret: " + e.getMessage(), e);
        }
    }
}
