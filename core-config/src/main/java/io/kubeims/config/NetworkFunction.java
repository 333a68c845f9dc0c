package io.kubeims.config;

/** The network functions of one IMS core (DESIGN.md section 1), each its own Deployment and Service. */
public enum NetworkFunction {
    /** Home Subscriber Server: Diameter Cx server and provisioning API. */
    HSS("hss"),
    /** Proxy-CSCF: the UE's first hop (Gm). */
    PCSCF("pcscf"),
    /** Interrogating-CSCF: S-CSCF selection by UAR/LIR. */
    ICSCF("icscf"),
    /** Serving-CSCF: registrar, authentication, iFC and routing. */
    SCSCF("scscf");

    private final String id;

    NetworkFunction(String id) {
        this.id = id;
    }

    /** The lower-case short name used in object names, host names and {@code kubeims.cscf.role}. */
    public String id() {
        return id;
    }

    /** Whether this is one of the three roles of the CSCF image. */
    public boolean isCscf() {
        return this != HSS;
    }
}
