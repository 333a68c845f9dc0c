package io.kubeims.config;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Placement parameters, a local P-CSCF port that collides with another function's, a local port base. */
class PlacementTest {

    @Test
    void localDataDirectoryMustBeAbsolute() {
        assertEquals("dataDirectory", assertThrows(InvalidPlacementException.class,
                () -> Placement.local("data/ims")).parameter());
        assertEquals("dataDirectory", assertThrows(InvalidPlacementException.class,
                () -> Placement.local(" ")).parameter());
    }

    @Test
    void localPcscfPortRange() {
        assertEquals("pcscfSipPort", assertThrows(InvalidPlacementException.class,
                () -> Placement.local("/srv/ims", 0)).parameter());
        assertEquals("pcscfSipPort", assertThrows(InvalidPlacementException.class,
                () -> Placement.local("/srv/ims", 65536)).parameter());
    }

    @Test
    void localPcscfPortOverrideThatCollides() {
        InvalidPlacementException e = assertThrows(InvalidPlacementException.class,
                () -> CoreConfiguration.derive(ExampleManifests.imsCore(), Placement.local("/srv/ims", 3869)));
        assertEquals("pcscfSipPort: 3869 is the I-CSCF's Diameter port in local mode", e.getMessage());
    }

    @Test
    void aLocalPortBaseMovesTheNineFixedPortsIntoOneBlock() {
        Placement.Local placement = Placement.local("/srv/ims", 15060).withPortBase(20000);
        // the layout documented on Placement.Local
        assertEquals(20000, placement.diameterPort(NetworkFunction.HSS));
        assertEquals(20001, placement.diameterPort(NetworkFunction.ICSCF));
        assertEquals(20002, placement.diameterPort(NetworkFunction.SCSCF));
        assertEquals(20003, placement.httpPort(NetworkFunction.HSS));
        assertEquals(20004, placement.httpPort(NetworkFunction.PCSCF));
        assertEquals(20005, placement.httpPort(NetworkFunction.ICSCF));
        assertEquals(20006, placement.httpPort(NetworkFunction.SCSCF));
        assertEquals(20007, placement.sipPort(NetworkFunction.ICSCF));
        assertEquals(20008, placement.sipPort(NetworkFunction.SCSCF));
        assertEquals(15060, placement.pcscfSipPort(5060));
    }

    @Test
    void theDerivedConfigurationUsesThePortBaseEverywhere() {
        CoreConfiguration core = CoreConfiguration.derive(ExampleManifests.imsCore(),
                Placement.local("/srv/ims", 15060).withPortBase(20000));
        assertEquals(Optional.of("20000"), core.function(NetworkFunction.HSS).property("kubeims.hss.diameter.port"));
        assertEquals(Optional.of("sip:127.0.0.1:20008"),
                core.function(NetworkFunction.HSS).property("kubeims.hss.cx.scscf-pool"));
        assertEquals(Optional.of("sip:127.0.0.1:20007;lr"),
                core.function(NetworkFunction.PCSCF).property("kubeims.cscf.pcscf.icscf-uri"));
        assertEquals(Optional.of("20004"), core.function(NetworkFunction.PCSCF).property("quarkus.http.port"));
        FunctionConfiguration icscf = core.function(NetworkFunction.ICSCF);
        assertEquals(Optional.of("20007"), icscf.property("kubeims.cscf.sip.port"));
        assertEquals(Optional.of("20001"), icscf.property("kubeims.cscf.diameter.port"));
        assertEquals(Optional.of("20000"), icscf.property("kubeims.cscf.diameter.hss-port"));
        assertEquals(Optional.of("sip:127.0.0.1:20008"), icscf.property("kubeims.cscf.icscf.scscf-pool"));
        FunctionConfiguration scscf = core.function(NetworkFunction.SCSCF);
        assertEquals(Optional.of("20008"), scscf.property("kubeims.cscf.sip.port"));
        assertEquals(Optional.of("sip:127.0.0.1:20008"), scscf.property("kubeims.cscf.scscf.server-name"));
        assertEquals(Optional.of("sip:orig@127.0.0.1:20008;lr"), scscf.property("kubeims.cscf.scscf.service-route"));
        assertEquals(Optional.of("20006"), scscf.property("quarkus.http.port"));
        assertTrue(scscf.ports().contains(new FunctionPort("sip-udp", FunctionPort.Protocol.UDP, 20008)));
    }

    @Test
    void aLocalPortBaseOutOfRangeOrCollidingWithThePcscf() {
        assertEquals("portBase", assertThrows(InvalidPlacementException.class,
                () -> Placement.local("/srv/ims").withPortBase(80)).parameter());
        assertEquals("portBase", assertThrows(InvalidPlacementException.class,
                () -> Placement.local("/srv/ims").withPortBase(65530)).parameter());
        InvalidPlacementException e = assertThrows(InvalidPlacementException.class,
                () -> CoreConfiguration.derive(ExampleManifests.imsCore(),
                        Placement.local("/srv/ims", 20008).withPortBase(20000)));
        assertEquals("pcscfSipPort: 20008 is the S-CSCF's SIP port in local mode", e.getMessage());
    }

    @Test
    void kubernetesClusterDomainIsRequired() {
        assertEquals("clusterDomain", assertThrows(InvalidPlacementException.class,
                () -> new Placement.Kubernetes("")).parameter());
    }

    @Test
    void thePcscfHasNoDiameter() {
        assertThrows(IllegalArgumentException.class, () -> Placement.kubernetes().diameterPort(NetworkFunction.PCSCF));
        assertThrows(IllegalArgumentException.class, () -> Placement.local("/srv/ims")
                .diameterPort(NetworkFunction.PCSCF));
    }
}
