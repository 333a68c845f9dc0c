package io.kubeims.cx.codec;

import io.kubeims.cx.message.CxEnvelope;

/**
 * A received Cx message: its routing AVPs and its record.
 *
 * @param envelope Session-Id, Origin and Destination AVPs
 * @param message  the request or answer record
 * @param <M>      the record type
 */
public record CxDecoded<M>(CxEnvelope envelope, M message) {
}
