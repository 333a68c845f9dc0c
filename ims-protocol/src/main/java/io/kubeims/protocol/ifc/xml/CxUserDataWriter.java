package io.kubeims.protocol.ifc.xml;

import io.kubeims.protocol.ifc.ApplicationServer;
import io.kubeims.protocol.ifc.CoreNetworkServicesAuthorization;
import io.kubeims.protocol.ifc.ImsSubscription;
import io.kubeims.protocol.ifc.InitialFilterCriteria;
import io.kubeims.protocol.ifc.MethodCondition;
import io.kubeims.protocol.ifc.PublicIdentity;
import io.kubeims.protocol.ifc.RegistrationType;
import io.kubeims.protocol.ifc.RequestUriCondition;
import io.kubeims.protocol.ifc.ServicePointTrigger;
import io.kubeims.protocol.ifc.ServiceProfile;
import io.kubeims.protocol.ifc.SessionCaseCondition;
import io.kubeims.protocol.ifc.SessionDescriptionCondition;
import io.kubeims.protocol.ifc.SipHeaderCondition;
import io.kubeims.protocol.ifc.SptCondition;
import io.kubeims.protocol.ifc.TriggerPoint;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes an {@link ImsSubscription} as a Cx-User-Data document (TS 29.228 Annex E) in one canonical form:
 * UTF-8 with an XML declaration, schema element order, two-space indentation, LF line ends, booleans as
 * {@code 0}/{@code 1}. Elements whose absence has a defined meaning (BarringIndication, IdentityType,
 * ConditionNegated, DefaultHandling) are always written; other absent optional elements never are. So
 * equal subscriptions give identical bytes and {@code write(read(write(x)))} equals {@code write(x)}.
 * Stateless and thread-safe.
 */
public final class CxUserDataWriter {

    private static final String INDENT = "  ";

    /**
     * @param subscription the subscription
     * @return the document text
     */
    public String write(ImsSubscription subscription) {
        Objects.requireNonNull(subscription, "subscription");
        Out out = new Out();
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.open("IMSSubscription");
        out.leaf("PrivateID", subscription.privateId());
        for (ServiceProfile profile : subscription.serviceProfiles()) {
            serviceProfile(out, profile);
        }
        out.close("IMSSubscription");
        return out.toString();
    }

    /**
     * @param subscription the subscription
     * @return the document as UTF-8 bytes, the form carried in the Cx User-Data AVP
     */
    public byte[] writeBytes(ImsSubscription subscription) {
        return write(subscription).getBytes(StandardCharsets.UTF_8);
    }

    private static void serviceProfile(Out out, ServiceProfile profile) {
        out.open("ServiceProfile");
        for (PublicIdentity identity : profile.publicIdentities()) {
            publicIdentity(out, identity);
        }
        CoreNetworkServicesAuthorization authorization = profile.coreNetworkServicesAuthorization();
        if (authorization != null) {
            if (authorization.subscribedMediaProfileId() == null) {
                out.empty("CoreNetworkServicesAuthorization");
            } else {
                out.open("CoreNetworkServicesAuthorization");
                out.leaf("SubscribedMediaProfileId", authorization.subscribedMediaProfileId().toString());
                out.close("CoreNetworkServicesAuthorization");
            }
        }
        for (InitialFilterCriteria ifc : profile.initialFilterCriteria()) {
            initialFilterCriteria(out, ifc);
        }
        out.close("ServiceProfile");
    }

    private static void publicIdentity(Out out, PublicIdentity identity) {
        out.open("PublicIdentity");
        out.leaf("BarringIndication", bool(identity.barringIndication()));
        out.leaf("Identity", identity.identity());
        out.open("Extension");
        out.leaf("IdentityType", Integer.toString(identity.identityType().code()));
        if (identity.wildcardedPsi() != null) {
            out.leaf("WildcardedPSI", identity.wildcardedPsi());
        }
        if (identity.displayName() != null) {
            out.open("Extension");
            out.leaf("DisplayName", identity.displayName());
            out.close("Extension");
        }
        out.close("Extension");
        out.close("PublicIdentity");
    }

    private static void initialFilterCriteria(Out out, InitialFilterCriteria ifc) {
        out.open("InitialFilterCriteria");
        out.leaf("Priority", Integer.toString(ifc.priority()));
        if (ifc.triggerPoint() != null) {
            triggerPoint(out, ifc.triggerPoint());
        }
        applicationServer(out, ifc.applicationServer());
        if (ifc.profilePartIndicator() != null) {
            out.leaf("ProfilePartIndicator", Integer.toString(ifc.profilePartIndicator().code()));
        }
        out.close("InitialFilterCriteria");
    }

    private static void triggerPoint(Out out, TriggerPoint trigger) {
        out.open("TriggerPoint");
        out.leaf("ConditionTypeCNF", bool(trigger.conditionTypeCnf()));
        for (ServicePointTrigger spt : trigger.spts()) {
            servicePointTrigger(out, spt);
        }
        out.close("TriggerPoint");
    }

    private static void servicePointTrigger(Out out, ServicePointTrigger spt) {
        out.open("SPT");
        out.leaf("ConditionNegated", bool(spt.conditionNegated()));
        for (int group : spt.groups()) {
            out.leaf("Group", Integer.toString(group));
        }
        SptCondition condition = spt.condition();
        if (condition instanceof RequestUriCondition c) {
            out.leaf("RequestURI", c.requestUri().expression());
        } else if (condition instanceof MethodCondition c) {
            out.leaf("Method", c.method());
        } else if (condition instanceof SipHeaderCondition c) {
            out.open("SIPHeader");
            out.leaf("Header", c.header());
            if (c.content() != null) {
                out.leaf("Content", c.content().expression());
            }
            out.close("SIPHeader");
        } else if (condition instanceof SessionCaseCondition c) {
            out.leaf("SessionCase", Integer.toString(c.sessionCase().code()));
        } else if (condition instanceof SessionDescriptionCondition c) {
            out.open("SessionDescription");
            out.leaf("Line", c.line());
            if (c.content() != null) {
                out.leaf("Content", c.content().expression());
            }
            out.close("SessionDescription");
        }
        if (condition instanceof MethodCondition c && !c.registrationTypes().isEmpty()) {
            out.open("Extension");
            for (RegistrationType type : c.registrationTypes()) {
                out.leaf("RegistrationType", Integer.toString(type.code()));
            }
            out.close("Extension");
        }
        out.close("SPT");
    }

    private static void applicationServer(Out out, ApplicationServer server) {
        out.open("ApplicationServer");
        out.leaf("ServerName", server.serverName());
        out.leaf("DefaultHandling", Integer.toString(server.defaultHandling().code()));
        if (server.serviceInfo() != null) {
            out.leaf("ServiceInfo", server.serviceInfo());
        }
        if (server.includeRegisterRequest() || server.includeRegisterResponse()) {
            out.open("Extension");
            if (server.includeRegisterRequest()) {
                out.empty("IncludeRegisterRequest");
            }
            if (server.includeRegisterResponse()) {
                out.empty("IncludeRegisterResponse");
            }
            out.close("Extension");
        }
        out.close("ApplicationServer");
    }

    private static String bool(boolean value) {
        return value ? "1" : "0";
    }

    /** Indenting output; one element per line. */
    private static final class Out {

        private final StringBuilder text = new StringBuilder(4096);
        private int depth;

        void raw(String s) {
            text.append(s);
        }

        void open(String name) {
            indent();
            text.append('<').append(name).append(">\n");
            depth++;
        }

        void close(String name) {
            depth--;
            indent();
            text.append("</").append(name).append(">\n");
        }

        void empty(String name) {
            indent();
            text.append('<').append(name).append("/>\n");
        }

        void leaf(String name, String value) {
            indent();
            text.append('<').append(name).append('>');
            escape(value);
            text.append("</").append(name).append(">\n");
        }

        private void indent() {
            text.append(INDENT.repeat(depth));
        }

        private void escape(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '&' -> text.append("&amp;");
                    case '<' -> text.append("&lt;");
                    case '>' -> text.append("&gt;");
                    // A literal CR would be normalised to LF by the reader (XML 1.0 2.11); keep it exact.
                    case '\r' -> text.append("&#13;");
                    default -> text.append(c);
                }
            }
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
