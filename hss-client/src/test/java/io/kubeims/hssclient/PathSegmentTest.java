package io.kubeims.hssclient;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Percent-encoding of the IMPI as one path segment (RFC 3986 2.1, 2.3: only unreserved characters stay). */
class PathSegmentTest {

    @Test
    void atSignAndSeparatorsAreEncoded() {
        assertEquals("alice%40ims.example.com", PathSegment.encode("alice@ims.example.com"));
        assertEquals("a%2Fb%3Fc%23d%20e%25f%2Bg", PathSegment.encode("a/b?c#d e%f+g"));
        assertEquals("unreserved-._~AZaz09", PathSegment.encode("unreserved-._~AZaz09"));
    }

    @Test
    void nonAsciiIsEncodedAsUtf8Octets() {
        // RFC 3986 2.5: characters are encoded as the percent-encoded octets of their UTF-8 form.
        assertEquals("%C3%A9", PathSegment.encode("\u00e9"));
    }

    @Test
    void blankIdentityIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> HssProvisioningClient.subscriberPath(" "));
        assertEquals("api/v1/subscribers/bob%40ims.example.com",
                HssProvisioningClient.subscriberPath("bob@ims.example.com"));
    }
}
