package io.kubeims.cx.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScscfPoolTest {

    @Test
    void poolHostIsTakenFromTheServerNameSipUri() {
        assertEquals("scscf.ims.example.com", ScscfPool.ofServerName("sip:scscf.ims.example.com:6060").host());
        assertEquals("scscf.ims.example.com",
                ScscfPool.ofServerName("sips:svc@Scscf.IMS.example.com;transport=tcp").host());
        assertEquals("scscf.ims.example.com", ScscfPool.ofServerName("scscf.ims.example.com").host());
    }

    @Test
    void replicasAreTheHostItselfAndItsSubdomains() {
        ScscfPool pool = ScscfPool.ofServerName("sip:scscf.ims.example.com:6060");
        assertTrue(pool.contains("scscf.ims.example.com"));
        assertTrue(pool.contains("scscf-0.scscf.ims.example.com"));
        assertTrue(pool.contains("SCSCF-1.Scscf.ims.example.com"), "host names compare without case");
        assertFalse(pool.contains("xscscf.ims.example.com"), "a longer label is another host");
        assertFalse(pool.contains("scscf.ims.example.com.evil.net"));
        assertFalse(pool.contains(".scscf.ims.example.com"), "an empty label is no replica");
        assertFalse(pool.contains("icscf.ims.example.com"));
        assertFalse(pool.contains(null));
    }

    @Test
    void serverNamesWithoutHostAreRefused() {
        assertThrows(InvalidServerNameException.class, () -> ScscfPool.ofServerName("sip:"));
        assertThrows(InvalidServerNameException.class, () -> ScscfPool.ofServerName("sip:[2001:db8::1]:5060"));
        assertThrows(InvalidServerNameException.class, () -> ScscfPool.ofServerName("sip:scscf ims:5060"));
        assertThrows(InvalidServerNameException.class, () -> ScscfPool.ofServerName(null));
    }
}
