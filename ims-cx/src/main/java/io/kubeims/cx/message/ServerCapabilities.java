package io.kubeims.cx.message;

import java.util.List;

/**
 * Server-Capabilities (TS 29.229 clause 6.3.4): what the I-CSCF needs to choose an S-CSCF itself.
 *
 * @param mandatoryCapabilities Mandatory-Capability values
 * @param optionalCapabilities  Optional-Capability values
 * @param serverNames           Server-Name values (SIP URIs of candidate S-CSCFs)
 */
public record ServerCapabilities(List<Long> mandatoryCapabilities, List<Long> optionalCapabilities,
                                 List<String> serverNames) {

    public ServerCapabilities {
        mandatoryCapabilities = MessageFields.unsigned32List(mandatoryCapabilities, "mandatoryCapabilities");
        optionalCapabilities = MessageFields.unsigned32List(optionalCapabilities, "optionalCapabilities");
        serverNames = MessageFields.list(serverNames, "serverNames");
    }
}
