package io.kubeims.cscf.scscf.hss;

import io.kubeims.protocol.cx.ReasonCode;
import java.util.Optional;

/**
 * The Deregistration-Reason of an RTR (TS 29.229 6.3.16) as carried in {@code RegistrationChange.reason()} of a
 * NETWORK_DEREGISTERED change, so that observers can tell whether the UE may register again: the text is
 * {@code RTR <Reason-Code wire name>} followed by {@code : <Reason-Info>} when the HSS sent one, e.g.
 * {@code RTR PERMANENT_TERMINATION: subscription ended}.
 *
 * @param reasonCode the Reason-Code
 * @param reasonInfo the Reason-Info, or null
 */
public record RtrReason(ReasonCode reasonCode, String reasonInfo) {

    private static final String PREFIX = "RTR ";

    /** @throws IllegalArgumentException if the reason code is missing */
    public RtrReason {
        if (reasonCode == null) {
            throw new IllegalArgumentException("reasonCode is required");
        }
    }

    /** The wire name of a Reason-Code (TS 29.229 6.3.17), e.g. {@code REMOVE_S-CSCF}. */
    public static String wireName(ReasonCode code) {
        return code == ReasonCode.REMOVE_S_CSCF ? "REMOVE_S-CSCF" : code.name();
    }

    /** The text for {@code RegistrationChange.reason()}. */
    public String text() {
        return PREFIX + wireName(reasonCode) + (reasonInfo == null || reasonInfo.isBlank() ? "" : ": " + reasonInfo);
    }

    /**
     * The RTR reason a change's reason text carries; empty for any other text (e.g. the registrar's own network
     * de-registration) or none.
     */
    public static Optional<RtrReason> parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = text.substring(PREFIX.length());
        int colon = rest.indexOf(": ");
        String name = colon < 0 ? rest : rest.substring(0, colon);
        String info = colon < 0 ? null : rest.substring(colon + 2);
        for (ReasonCode code : ReasonCode.values()) {
            if (wireName(code).equals(name)) {
                return Optional.of(new RtrReason(code, info));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the user must not register again (TS 24.229 5.4.1.5: contact event "rejected") rather than re-register
     * ("deactivated"): only PERMANENT_TERMINATION says the subscription is gone. NEW_SERVER_ASSIGNED, SERVER_CHANGE and
     * REMOVE_S-CSCF end this S-CSCF's part only; registering again reaches the S-CSCF the HSS now assigns.
     */
    public boolean forbidsReregistration() {
        return reasonCode == ReasonCode.PERMANENT_TERMINATION;
    }
}
