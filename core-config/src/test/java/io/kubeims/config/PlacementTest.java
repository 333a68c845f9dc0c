package io.kubeims.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Placement parameters, and a local P-CSCF port that collides with another function's. */
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
