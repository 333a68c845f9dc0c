package io.kubeims.hss.provisioning;

import org.junit.jupiter.api.Test;

import static io.kubeims.hss.provisioning.BearerTokenVerifier.Verdict.ACCEPTED;
import static io.kubeims.hss.provisioning.BearerTokenVerifier.Verdict.INVALID;
import static io.kubeims.hss.provisioning.BearerTokenVerifier.Verdict.MISSING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Authorization header checks against RFC 6750 2.1 (the Bearer scheme, b64token syntax). */
class BearerTokenVerifierTest {

    private static final String TOKEN = "mF_9.B5f-4.1JqM";
    private final BearerTokenVerifier verifier = BearerTokenVerifier.requiring(TOKEN);

    @Test
    void theConfiguredTokenIsAccepted() {
        assertEquals(ACCEPTED, verifier.check("Bearer " + TOKEN));
        assertEquals(ACCEPTED, verifier.check("BEARER " + TOKEN), "auth-scheme is case-insensitive (RFC 7235 2.1)");
    }

    @Test
    void noBearerCredentialsAreMissing() {
        assertEquals(MISSING, verifier.check(null));
        assertEquals(MISSING, verifier.check(""));
        assertEquals(MISSING, verifier.check("Bearer "));
        assertEquals(MISSING, verifier.check("Basic dXNlcjpwYXNz"));
        assertEquals(MISSING, verifier.check(TOKEN));
    }

    @Test
    void anyOtherTokenIsInvalid() {
        assertEquals(INVALID, verifier.check("Bearer " + TOKEN + "x"));
        assertEquals(INVALID, verifier.check("Bearer " + TOKEN.substring(1)));
        assertEquals(INVALID, verifier.check("Bearer " + TOKEN.toUpperCase()));
    }

    @Test
    void tokensClientsCannotSendAreRefusedWithoutQuotingThem() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> BearerTokenVerifier.requiring("  "));
        assertEquals("the API token is empty", blank.getMessage());
        IllegalArgumentException space = assertThrows(IllegalArgumentException.class,
                () -> BearerTokenVerifier.requiring("two words"));
        assertFalse(space.getMessage().contains("two words"));
        // RFC 6750 b64token allows trailing '=' padding.
        assertEquals(ACCEPTED, BearerTokenVerifier.requiring("abc+/==").check("Bearer abc+/=="));
    }

    @Test
    void insecureModeAcceptsEverythingAndSaysSo() {
        BearerTokenVerifier open = BearerTokenVerifier.acceptingAnyRequest();
        assertTrue(open.insecure());
        assertEquals(ACCEPTED, open.check(null));
        assertFalse(verifier.insecure());
    }

    @Test
    void toStringHidesTheToken() {
        assertFalse(verifier.toString().contains(TOKEN));
    }
}
