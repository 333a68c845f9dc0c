package io.kubeims.config;

/**
 * A file a function reads a secret from, named in its properties by path only: in Kubernetes the key of a Secret
 * mounted there, in local mode a file the local runner writes (or generates, e.g. the HSS API token).
 *
 * @param path       absolute path of the file as the function reads it
 * @param secretName the Secret holding the value
 * @param key        the key within the Secret
 */
public record SecretFile(String path, String secretName, String key) {

    public SecretFile {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("secret file path must be absolute, was " + path);
        }
        if (secretName == null || secretName.isBlank() || key == null || key.isBlank()) {
            throw new IllegalArgumentException("secretName and key are required for " + path);
        }
    }
}
