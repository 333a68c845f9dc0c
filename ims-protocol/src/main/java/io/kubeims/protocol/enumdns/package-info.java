/**
 * ENUM (RFC 6116) for the CSCFs: E.164 numbers to ENUM domains, NAPTR lookups with dnsjava
 * (RFC 3403), the RFC 3402 substitution expression, and the choice among the SIP URIs found.
 *
 * <p>Entry points: {@link io.kubeims.protocol.enumdns.E164Number} (from text, tel: or sip:
 * URIs), {@link io.kubeims.protocol.enumdns.EnumResolver#resolve} (DNS, ordered candidates),
 * {@link io.kubeims.protocol.enumdns.EnumRouteSelector} (selection on records already fetched) and
 * {@link io.kubeims.protocol.enumdns.NaptrSubstitution} (one Regexp field).
 *
 * <p>Not supported, by choice: non-terminal NAPTRs (empty flags with a replacement domain) are
 * skipped rather than followed; enumservices other than {@code E2U+sip} are ignored (including
 * the obsolete RFC 2916 spelling {@code sip+E2U}); POSIX leftmost-longest alternation is not
 * reproduced (see {@link io.kubeims.protocol.regex.PosixEre}).
 */
package io.kubeims.protocol.enumdns;
