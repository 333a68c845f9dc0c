package io.kubeims.api.v1alpha1.ifcprofile;

import io.kubeims.protocol.ifc.ApplicationServer;
import io.kubeims.protocol.ifc.DefaultHandling;
import io.kubeims.protocol.ifc.InitialFilterCriteria;
import io.kubeims.protocol.ifc.InvalidIfcException;
import io.kubeims.protocol.ifc.MethodCondition;
import io.kubeims.protocol.ifc.ProfilePartIndicator;
import io.kubeims.protocol.ifc.RegistrationType;
import io.kubeims.protocol.ifc.RequestUriCondition;
import io.kubeims.protocol.ifc.ServicePointTrigger;
import io.kubeims.protocol.ifc.SessionCase;
import io.kubeims.protocol.ifc.SessionCaseCondition;
import io.kubeims.protocol.ifc.SessionDescriptionCondition;
import io.kubeims.protocol.ifc.SipHeaderCondition;
import io.kubeims.protocol.ifc.SptCondition;
import io.kubeims.protocol.ifc.TriggerPoint;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps an {@link IfcProfileSpec} to the TS 29.228 iFC model of the protocol library and back. The model validates
 * (regexes compile, priorities unique, one condition per SPT), so {@link #toModel} is also how a profile is checked;
 * errors name the offending path in the spec.
 */
public final class IfcProfileMapping {

    private IfcProfileMapping() {
    }

    /**
     * @throws InvalidIfcException naming the spec path, when the profile cannot be expressed as valid iFCs
     */
    public static List<InitialFilterCriteria> toModel(IfcProfileSpec spec) {
        List<InitialFilterCriteria> result = new ArrayList<>();
        List<InitialFilterCriterionSpec> criteria = spec.getInitialFilterCriteria();
        Set<Integer> priorities = new HashSet<>();
        for (int i = 0; i < criteria.size(); i++) {
            String path = "initialFilterCriteria[" + i + "]";
            InitialFilterCriterionSpec ifc = criteria.get(i);
            try {
                InitialFilterCriteria mapped = toModel(ifc);
                if (!priorities.add(mapped.priority())) {
                    throw new InvalidIfcException("priority " + mapped.priority() + " is used twice");
                }
                result.add(mapped);
            } catch (InvalidIfcException e) {
                throw new InvalidIfcException(path + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(result);
    }

    private static InitialFilterCriteria toModel(InitialFilterCriterionSpec ifc) {
        if (ifc.getPriority() == null) {
            throw new InvalidIfcException("priority is required");
        }
        if (ifc.getApplicationServer() == null) {
            throw new InvalidIfcException("applicationServer is required");
        }
        return new InitialFilterCriteria(ifc.getPriority(),
                ifc.getTriggerPoint() == null ? null : toModel(ifc.getTriggerPoint()),
                toModel(ifc.getApplicationServer()),
                ifc.getProfilePartIndicator() == null ? null : switch (ifc.getProfilePartIndicator()) {
                    case REGISTERED -> ProfilePartIndicator.REGISTERED;
                    case UNREGISTERED -> ProfilePartIndicator.UNREGISTERED;
                });
    }

    private static TriggerPoint toModel(TriggerPointSpec tp) {
        if (tp.getConditionType() == null) {
            throw new InvalidIfcException("triggerPoint.conditionType is required");
        }
        List<ServicePointTrigger> spts = new ArrayList<>();
        for (int i = 0; i < tp.getSpts().size(); i++) {
            try {
                spts.add(toModel(tp.getSpts().get(i)));
            } catch (InvalidIfcException e) {
                throw new InvalidIfcException("triggerPoint.spts[" + i + "]: " + e.getMessage(), e);
            }
        }
        return new TriggerPoint(tp.getConditionType() == TriggerPointSpec.ConditionType.CNF, spts);
    }

    private static ServicePointTrigger toModel(SptSpec spt) {
        List<SptCondition> conditions = new ArrayList<>();
        if (spt.getMethod() != null) {
            conditions.add(new MethodCondition(spt.getMethod(), registrationTypes(spt.getRegistrationTypes())));
        } else if (spt.getRegistrationTypes() != null) {
            throw new InvalidIfcException("registrationTypes only applies to an SPT with method REGISTER");
        }
        if (spt.getRequestUri() != null) {
            conditions.add(new RequestUriCondition(spt.getRequestUri()));
        }
        if (spt.getSipHeader() != null) {
            conditions.add(new SipHeaderCondition(spt.getSipHeader().getHeader(), spt.getSipHeader().getContent()));
        }
        if (spt.getSessionCase() != null) {
            conditions.add(new SessionCaseCondition(sessionCase(spt.getSessionCase())));
        }
        if (spt.getSessionDescription() != null) {
            conditions.add(new SessionDescriptionCondition(spt.getSessionDescription().getLine(),
                    spt.getSessionDescription().getContent()));
        }
        if (conditions.size() != 1) {
            throw new InvalidIfcException("an SPT needs exactly one of method, requestUri, sipHeader, sessionCase, "
                    + "sessionDescription; found " + conditions.size());
        }
        List<Integer> groups = spt.getGroups() == null ? List.of(0) : spt.getGroups();
        return new ServicePointTrigger(Boolean.TRUE.equals(spt.getNegated()), groups, conditions.get(0));
    }

    private static Set<RegistrationType> registrationTypes(List<SptSpec.RegistrationType> types) {
        Set<RegistrationType> result = EnumSet.noneOf(RegistrationType.class);
        if (types != null) {
            for (SptSpec.RegistrationType type : types) {
                result.add(switch (type) {
                    case INITIAL -> RegistrationType.INITIAL_REGISTRATION;
                    case RE_REGISTRATION -> RegistrationType.RE_REGISTRATION;
                    case DE_REGISTRATION -> RegistrationType.DE_REGISTRATION;
                });
            }
        }
        return result;
    }

    private static SessionCase sessionCase(SptSpec.SessionCase sessionCase) {
        return switch (sessionCase) {
            case ORIGINATING -> SessionCase.ORIGINATING_REGISTERED;
            case TERMINATING_REGISTERED -> SessionCase.TERMINATING_REGISTERED;
            case TERMINATING_UNREGISTERED -> SessionCase.TERMINATING_UNREGISTERED;
            case ORIGINATING_UNREGISTERED -> SessionCase.ORIGINATING_UNREGISTERED;
            case ORIGINATING_CDIV -> SessionCase.ORIGINATING_CDIV;
        };
    }

    private static ApplicationServer toModel(ApplicationServerSpec as) {
        DefaultHandling handling = as.effectiveDefaultHandling() == ApplicationServerSpec.DefaultHandling.SESSION_TERMINATED
                ? DefaultHandling.SESSION_TERMINATED
                : DefaultHandling.SESSION_CONTINUED;
        return new ApplicationServer(as.getServerName(), handling, as.getServiceInfo(),
                Boolean.TRUE.equals(as.getIncludeRegisterRequest()), Boolean.TRUE.equals(as.getIncludeRegisterResponse()));
    }

    /** The spec for a list of iFCs, e.g. to turn a TS 29.228 document into an IfcProfile manifest. */
    public static IfcProfileSpec fromModel(List<InitialFilterCriteria> criteria) {
        IfcProfileSpec spec = new IfcProfileSpec();
        for (InitialFilterCriteria ifc : criteria) {
            InitialFilterCriterionSpec out = new InitialFilterCriterionSpec();
            out.setPriority(ifc.priority());
            if (ifc.profilePartIndicator() != null) {
                out.setProfilePartIndicator(ifc.profilePartIndicator() == ProfilePartIndicator.REGISTERED
                        ? InitialFilterCriterionSpec.ProfilePartIndicator.REGISTERED
                        : InitialFilterCriterionSpec.ProfilePartIndicator.UNREGISTERED);
            }
            if (ifc.triggerPoint() != null) {
                out.setTriggerPoint(fromModel(ifc.triggerPoint()));
            }
            out.setApplicationServer(fromModel(ifc.applicationServer()));
            spec.getInitialFilterCriteria().add(out);
        }
        return spec;
    }

    private static TriggerPointSpec fromModel(TriggerPoint tp) {
        TriggerPointSpec out = new TriggerPointSpec();
        out.setConditionType(tp.conditionTypeCnf() ? TriggerPointSpec.ConditionType.CNF
                : TriggerPointSpec.ConditionType.DNF);
        for (ServicePointTrigger spt : tp.spts()) {
            out.getSpts().add(fromModel(spt));
        }
        return out;
    }

    private static SptSpec fromModel(ServicePointTrigger spt) {
        SptSpec out = new SptSpec();
        out.setGroups(List.copyOf(spt.groups()));
        if (spt.conditionNegated()) {
            out.setNegated(true);
        }
        SptCondition condition = spt.condition();
        if (condition instanceof MethodCondition m) {
            out.setMethod(m.method());
            if (!m.registrationTypes().isEmpty()) {
                out.setRegistrationTypes(m.registrationTypes().stream().map(t -> switch (t) {
                    case INITIAL_REGISTRATION -> SptSpec.RegistrationType.INITIAL;
                    case RE_REGISTRATION -> SptSpec.RegistrationType.RE_REGISTRATION;
                    case DE_REGISTRATION -> SptSpec.RegistrationType.DE_REGISTRATION;
                }).toList());
            }
        } else if (condition instanceof RequestUriCondition r) {
            out.setRequestUri(r.requestUri().expression());
        } else if (condition instanceof SipHeaderCondition h) {
            SptSpec.SipHeaderTrigger header = new SptSpec.SipHeaderTrigger();
            header.setHeader(h.header());
            header.setContent(h.content() == null ? null : h.content().expression());
            out.setSipHeader(header);
        } else if (condition instanceof SessionCaseCondition c) {
            out.setSessionCase(switch (c.sessionCase()) {
                case ORIGINATING_REGISTERED -> SptSpec.SessionCase.ORIGINATING;
                case TERMINATING_REGISTERED -> SptSpec.SessionCase.TERMINATING_REGISTERED;
                case TERMINATING_UNREGISTERED -> SptSpec.SessionCase.TERMINATING_UNREGISTERED;
                case ORIGINATING_UNREGISTERED -> SptSpec.SessionCase.ORIGINATING_UNREGISTERED;
                case ORIGINATING_CDIV -> SptSpec.SessionCase.ORIGINATING_CDIV;
            });
        } else if (condition instanceof SessionDescriptionCondition d) {
            SptSpec.SessionDescriptionTrigger sdp = new SptSpec.SessionDescriptionTrigger();
            sdp.setLine(d.line());
            sdp.setContent(d.content() == null ? null : d.content().expression());
            out.setSessionDescription(sdp);
        } else {
            throw new IllegalStateException("unmapped SPT condition " + condition.getClass().getName());
        }
        return out;
    }

    private static ApplicationServerSpec fromModel(ApplicationServer as) {
        ApplicationServerSpec out = new ApplicationServerSpec();
        out.setServerName(as.serverName());
        out.setDefaultHandling(as.defaultHandling() == DefaultHandling.SESSION_TERMINATED
                ? ApplicationServerSpec.DefaultHandling.SESSION_TERMINATED
                : ApplicationServerSpec.DefaultHandling.SESSION_CONTINUED);
        out.setServiceInfo(as.serviceInfo());
        if (as.includeRegisterRequest()) {
            out.setIncludeRegisterRequest(true);
        }
        if (as.includeRegisterResponse()) {
            out.setIncludeRegisterResponse(true);
        }
        return out;
    }
}
