package io.kubeims.hss.cx;

import io.kubeims.cx.node.CxNodeSettings;

/**
 * Everything one HSS instance needs: its Diameter node, the Cx procedure settings and its storage.
 *
 * @param diameter     the Cx node (Origin-Host, realm, bind address and port, timeouts); an HSS node accepts
 *                     undefined peers
 * @param cx           home realm, S-CSCF capabilities, vector limit, allowed visited networks
 * @param storage      embedded or Hot Rod storage
 * @param storeThreads threads that run the notifier's store work (1..64)
 */
public record HssCoreSettings(CxNodeSettings diameter, HssCxSettings cx, HssStorageSettings storage,
                              int storeThreads) {

    /** @throws InvalidHssCxSettingsException when a part is missing or storeThreads is out of range */
    public HssCoreSettings {
        if (diameter == null) {
            throw new InvalidHssCxSettingsException("diameter", "is required");
        }
        if (!diameter.hssPeers().isEmpty()) {
            throw new InvalidHssCxSettingsException("diameter", "an HSS node connects to no peer (hssPeers must be empty)");
        }
        if (cx == null) {
            throw new InvalidHssCxSettingsException("cx", "is required");
        }
        if (storage == null) {
            throw new InvalidHssCxSettingsException("storage", "is required");
        }
        if (storeThreads < 1 || storeThreads > 64) {
            throw new InvalidHssCxSettingsException("storeThreads", "must be 1..64, was " + storeThreads);
        }
    }
}
