package io.kubeims.cx.client;

/** A Server-Name (TS 29.229 clause 6.3.3, a SIP URI) from which no S-CSCF host can be taken. */
public class InvalidServerNameException extends IllegalArgumentException {

    public InvalidServerNameException(String serverName, String problem) {
        super("invalid Server-Name \"" + serverName + "\": " + problem);
    }
}
