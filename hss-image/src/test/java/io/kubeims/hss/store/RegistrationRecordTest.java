package io.kubeims.hss.store;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The TS 29.228 8.1.2 rules a registration record keeps. */
class RegistrationRecordTest {

    private static final String SCSCF = "sip:scscf-1.ims.example.com:6060";

    @Test
    void assignedStatesNeedAnScscfAndNotRegisteredHasNone() {
        assertEquals("state REGISTERED needs an assigned S-CSCF", assertThrows(InvalidRegistrationException.class,
                () -> new RegistrationRecord(RegistrationState.REGISTERED, null, null)).getMessage());
        assertThrows(InvalidRegistrationException.class,
                () -> new RegistrationRecord(RegistrationState.UNREGISTERED, null, SCSCF));
        assertThrows(InvalidRegistrationException.class,
                () -> new RegistrationRecord(RegistrationState.NOT_REGISTERED, SCSCF, null));
        assertThrows(InvalidRegistrationException.class, () -> new RegistrationRecord(null, null, null));
        // A MAR may leave a pending name on a subscriber nobody serves yet.
        assertEquals(SCSCF, new RegistrationRecord(RegistrationState.NOT_REGISTERED, null, SCSCF).pendingServerName());
    }

    @Test
    void scscfNamesAreSipUris() {
        InvalidRegistrationException e = assertThrows(InvalidRegistrationException.class,
                () -> new RegistrationRecord(RegistrationState.REGISTERED, "scscf-1.ims.example.com", null));
        assertTrue(e.getMessage().contains("'scscf-1.ims.example.com'"), e.getMessage());
        assertThrows(InvalidRegistrationException.class,
                () -> RegistrationRecord.notRegistered().withPendingServerName("tel:+15551230001"));
        assertThrows(InvalidRegistrationException.class,
                () -> RegistrationRecord.notRegistered().withPendingServerName(null));
    }

    @Test
    void assignableWhenFreeOrToTheSameScscf() {
        RegistrationRecord held = RegistrationRecord.notRegistered().assignedTo(SCSCF, RegistrationState.REGISTERED);
        assertTrue(RegistrationRecord.notRegistered().assignableTo(SCSCF));
        assertTrue(held.assignableTo(SCSCF));
        assertFalse(held.assignableTo("sip:scscf-2.ims.example.com"));
    }

    @Test
    void assignmentSettlesThePendingName() {
        RegistrationRecord pending = RegistrationRecord.notRegistered().withPendingServerName(SCSCF);
        RegistrationRecord assigned = pending.assignedTo(SCSCF, RegistrationState.UNREGISTERED);
        assertEquals(new RegistrationRecord(RegistrationState.UNREGISTERED, SCSCF, null), assigned);
        assertNull(assigned.pendingServerName());
        assertThrows(InvalidRegistrationException.class,
                () -> pending.assignedTo(SCSCF, RegistrationState.NOT_REGISTERED));
    }
}
