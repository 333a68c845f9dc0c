package io.kubeims.hss.app;

import io.kubeims.hss.provisioning.BearerTokenVerifier;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves the provisioning API's bearer token at startup, from {@code kubeims.hss.api.token} or the file named by
 * {@code kubeims.hss.api.token-file} (a mounted Secret). Without either the HSS refuses to start, unless
 * {@code kubeims.hss.api.insecure=true} says explicitly that the API may run open.
 */
public class ApiAccessProducer {

    private static final Logger LOG = Logger.getLogger(ApiAccessProducer.class);

    /** Before the storage opens ({@code @Startup} default priority 2500): a missing token fails fast and cheaply. */
    @Produces
    @Singleton
    @Startup(1000)
    BearerTokenVerifier verifier(HssSettings settings) {
        return resolve(settings.api());
    }

    /**
     * @throws InvalidHssSettingsException if no token is configured and insecure mode is off, both a token and a
     *                                     token file are set, or the token (file) is unreadable, empty or malformed
     */
    static BearerTokenVerifier resolve(HssSettings.Api api) {
        if (api.token().isPresent() && api.tokenFile().isPresent()) {
            throw new InvalidHssSettingsException("set kubeims.hss.api.token or kubeims.hss.api.token-file, not both");
        }
        if (api.token().isPresent()) {
            return requiring(api.token().get().strip(), "kubeims.hss.api.token");
        }
        if (api.tokenFile().isPresent()) {
            Path file = Path.of(api.tokenFile().get());
            String token;
            try {
                token = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InvalidHssSettingsException("kubeims.hss.api.token-file: cannot read " + file + " ("
                        + e.getClass().getSimpleName() + ")");
            }
            // A Secret written with echo ends in a newline; surrounding white space is never part of a token.
            return requiring(token.strip(), "kubeims.hss.api.token-file " + file);
        }
        if (api.insecure()) {
            LOG.warn("the provisioning API accepts requests WITHOUT a token (kubeims.hss.api.insecure=true);"
                    + " use this for local mode only");
            return BearerTokenVerifier.acceptingAnyRequest();
        }
        throw new InvalidHssSettingsException("the provisioning API has no token: set kubeims.hss.api.token or"
                + " kubeims.hss.api.token-file (e.g. a mounted Secret), or kubeims.hss.api.insecure=true for local"
                + " mode");
    }

    private static BearerTokenVerifier requiring(String token, String source) {
        try {
            return BearerTokenVerifier.requiring(token);
        } catch (IllegalArgumentException e) {
            throw new InvalidHssSettingsException(source + ": " + e.getMessage());
        }
    }
}
