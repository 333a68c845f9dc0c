package io.kubeims.local;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.kubeims.api.v1alpha1.ApiGroup;
import io.kubeims.api.v1alpha1.common.ValidationPatterns;
import io.kubeims.api.v1alpha1.ifcprofile.IfcProfile;
import io.kubeims.api.v1alpha1.imscore.ImsCore;
import io.kubeims.api.v1alpha1.subscriber.PublicIdentitySpec;
import io.kubeims.api.v1alpha1.subscriber.Subscriber;
import io.kubeims.api.v1alpha1.subscriber.SubscriberSpec;
import io.kubeims.hssclient.HssSubscriber;
import io.kubeims.hssclient.InvalidCredentialsSecretException;
import io.kubeims.hssclient.InvalidIfcProfileException;
import io.kubeims.hssclient.SubscriberMapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads every YAML document of a manifest directory ({@code *.yaml}, {@code *.yml}, several documents per file) as
 * local mode needs them: exactly one {@code ImsCore}, its {@code Subscriber}s with the {@code Secret}s and
 * {@code IfcProfile}s they name; other kinds are noted and ignored. No API server has seen these manifests, so the
 * rules of the CRD schema are checked here again (required fields, identity patterns, unknown fields, references),
 * each refusal naming file, object and field ({@link InvalidManifestException}).
 */
public final class ManifestReader {

    private static final Pattern NAME = Pattern.compile(ValidationPatterns.DNS_SUBDOMAIN);
    private static final Pattern PRIVATE_IDENTITY = Pattern.compile(ValidationPatterns.PRIVATE_IDENTITY);
    private static final Pattern PUBLIC_IDENTITY = Pattern.compile(ValidationPatterns.PUBLIC_IDENTITY);
    /** The CRD's bound on a subscriber's public identities. */
    private static final int MAX_PUBLIC_IDENTITIES = 32;
    private static final Map<String, String> API_VERSIONS = Map.of("ImsCore", ApiGroup.API_VERSION,
            "Subscriber", ApiGroup.API_VERSION, "IfcProfile", ApiGroup.API_VERSION, "Secret", "v1");

    /** One object read, where it came from. */
    private record Located<T extends HasMetadata>(Path file, T object) {
        String label() {
            return object.getKind() + " " + object.getMetadata().getName();
        }

        String key() {
            return namespaceKey(object) + "/" + object.getMetadata().getName();
        }
    }

    private final YAMLMapper yaml = new YAMLMapper();
    // the CRD schema prunes nothing here: an unknown field is a typo that would silently change nothing
    private final ObjectMapper strict = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Path directory;
    private final List<Located<ImsCore>> cores = new ArrayList<>();
    private final Map<String, Located<Subscriber>> subscribers = new LinkedHashMap<>();
    private final Map<String, Located<Secret>> secrets = new HashMap<>();
    private final Map<String, Located<IfcProfile>> profiles = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    private ManifestReader(Path directory) {
        this.directory = directory;
    }

    /**
     * @param directory a directory of manifests, e.g. {@code deploy/examples}
     * @throws InvalidManifestException naming file, object and field of the first manifest that cannot be used
     * @throws java.io.UncheckedIOException if a file cannot be read
     */
    public static LocalManifests read(Path directory) {
        return new ManifestReader(directory).readAll();
    }

    private LocalManifests readAll() {
        if (!Files.isDirectory(directory)) {
            throw new InvalidManifestException(directory, null, null, "is not a directory of manifests");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + directory, e);
        }
        if (files.isEmpty()) {
            throw new InvalidManifestException(directory, null, null, "holds no *.yaml or *.yml manifest");
        }
        for (Path file : files) {
            readFile(file);
        }
        Located<ImsCore> core = theCore();
        String coreName = core.object().getMetadata().getName();
        for (Located<IfcProfile> profile : profiles.values()) {
            try {
                SubscriberMapping.initialFilterCriteria(profile.object());
            } catch (InvalidIfcProfileException e) {
                throw new InvalidManifestException(profile.file(), profile.label(), null, e.getMessage());
            }
        }
        List<SubscriberManifest> resolved = new ArrayList<>();
        Map<String, String> privateOwners = new HashMap<>();
        Map<String, String> publicOwners = new HashMap<>();
        for (Located<Subscriber> subscriber : subscribers.values()) {
            SubscriberSpec spec = subscriber.object().getSpec();
            if (spec != null && spec.getImsCore() != null && !spec.getImsCore().equals(coreName)) {
                notes.add(subscriber.file() + ": ignoring " + subscriber.label() + ": spec.imsCore is "
                        + spec.getImsCore() + ", the core here is " + coreName);
                continue;
            }
            SubscriberManifest manifest = resolve(subscriber);
            String impi = manifest.summary().privateIdentity();
            String owner = privateOwners.putIfAbsent(impi, subscriber.label());
            if (owner != null) {
                throw new InvalidManifestException(subscriber.file(), subscriber.label(), "spec.privateIdentity",
                        impi + " is also the private identity of " + owner);
            }
            List<String> impus = manifest.summary().publicIdentities();
            for (int i = 0; i < impus.size(); i++) {
                String other = publicOwners.putIfAbsent(impus.get(i), subscriber.label());
                if (other != null) {
                    throw new InvalidManifestException(subscriber.file(), subscriber.label(),
                            "spec.publicIdentities[" + i + "].identity", impus.get(i)
                            + " also belongs to " + other + " (a public identity has one owner)");
                }
            }
            resolved.add(manifest);
        }
        return new LocalManifests(directory, core.object(), core.file(), resolved, notes);
    }

    // ---- documents ----

    private void readFile(Path file) {
        List<JsonNode> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> iterator = yaml.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (iterator.hasNextValue()) {
                documents.add(iterator.nextValue());
            }
        } catch (JsonProcessingException e) {
            throw new InvalidManifestException(file, null, null, "not valid YAML" + at(e.getLocation()) + ": "
                    + firstLine(e.getOriginalMessage()));
        } catch (RuntimeException e) {
            // MappingIterator wraps parse errors of later documents
            if (e.getCause() instanceof JsonProcessingException parse) {
                throw new InvalidManifestException(file, null, null, "not valid YAML" + at(parse.getLocation())
                        + ": " + firstLine(parse.getOriginalMessage()));
            }
            throw e;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file, e);
        }
        for (int i = 0; i < documents.size(); i++) {
            JsonNode document = documents.get(i);
            if (document == null || document.isNull() || document.isMissingNode()
                    || (document.isObject() && document.isEmpty())) {
                continue;   // "---" with nothing after it, or comments only
            }
            readDocument(file, "document " + (i + 1), document);
        }
    }

    private void readDocument(Path file, String position, JsonNode document) {
        if (!document.isObject()) {
            throw new InvalidManifestException(file, position, null, "is not a mapping (a Kubernetes object)");
        }
        String kind = text(document.get("kind"));
        if (kind == null) {
            throw new InvalidManifestException(file, position, "kind", "is required");
        }
        if ("Kustomization".equals(kind) && text(document.get("apiVersion")) != null
                && text(document.get("apiVersion")).startsWith("kustomize.config.k8s.io/")) {
            return;     // kustomize's build file (deploy/examples/kustomization.yaml), not an object to apply
        }
        String name = text(document.path("metadata").get("name"));
        String label = kind + " " + (name == null ? "(" + position + ")" : name);
        String apiVersion = API_VERSIONS.get(kind);
        if (apiVersion == null) {
            notes.add(file + ": ignoring " + label + " (local mode reads ImsCore, Subscriber, IfcProfile and"
                    + " Secret)");
            return;
        }
        if (!apiVersion.equals(text(document.get("apiVersion")))) {
            throw new InvalidManifestException(file, label, "apiVersion", "must be " + apiVersion + ", was "
                    + text(document.get("apiVersion")));
        }
        if (name == null) {
            throw new InvalidManifestException(file, label, "metadata.name", "is required");
        }
        if (!NAME.matcher(name).matches()) {
            throw new InvalidManifestException(file, label, "metadata.name", "'" + name + "' is not a DNS"
                    + " subdomain name (lower case letters, digits, '-' and '.')");
        }
        switch (kind) {
            case "ImsCore" -> cores.add(new Located<>(file, convert(file, label, document, ImsCore.class, false)));
            case "Subscriber" -> add(subscribers,
                    new Located<>(file, convert(file, label, document, Subscriber.class, false)));
            case "IfcProfile" -> add(profiles,
                    new Located<>(file, convert(file, label, document, IfcProfile.class, false)));
            case "Secret" -> add(secrets, new Located<>(file, convert(file, label, document, Secret.class, true)));
            default -> throw new IllegalStateException(kind);
        }
    }

    private <T extends HasMetadata> T convert(Path file, String label, JsonNode document, Class<T> type,
            boolean secret) {
        try {
            return strict.treeToValue(document, type);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidManifestException(file, label, path(e), "unknown field");
        } catch (JsonMappingException e) {
            // a Secret's values must not reach a message: say where, not what
            throw new InvalidManifestException(file, label, path(e), secret ? "has the wrong type"
                    : firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new InvalidManifestException(file, label, null, "cannot be read: "
                    + (secret ? e.getClass().getSimpleName() : firstLine(e.getOriginalMessage())));
        }
    }

    private <T extends HasMetadata> void add(Map<String, Located<T>> objects, Located<T> located) {
        Located<T> earlier = objects.putIfAbsent(located.key(), located);
        if (earlier != null) {
            throw new InvalidManifestException(located.file(), located.label(), "metadata.name",
                    "is defined twice (also in " + earlier.file() + ")");
        }
    }

    // ---- the set ----

    private Located<ImsCore> theCore() {
        if (cores.isEmpty()) {
            throw new InvalidManifestException(directory, null, null, "holds no ImsCore: local mode runs the one"
                    + " core its manifests describe");
        }
        if (cores.size() > 1) {
            Located<ImsCore> second = cores.get(1);
            throw new InvalidManifestException(second.file(), second.label(), null, "a second ImsCore ("
                    + cores.get(0).label() + " is in " + cores.get(0).file() + "): local mode runs exactly one");
        }
        return cores.get(0);
    }

    private SubscriberManifest resolve(Located<Subscriber> located) {
        Subscriber subscriber = located.object();
        Path file = located.file();
        String label = located.label();
        SubscriberSpec spec = subscriber.getSpec();
        if (spec == null) {
            throw new InvalidManifestException(file, label, "spec", "is required");
        }
        if (spec.getImsCore() == null) {
            throw new InvalidManifestException(file, label, "spec.imsCore", "is required");
        }
        String impi = spec.getPrivateIdentity();
        if (impi == null || impi.isBlank()) {
            throw new InvalidManifestException(file, label, "spec.privateIdentity", "is required");
        }
        if (!PRIVATE_IDENTITY.matcher(impi).matches()) {
            throw new InvalidManifestException(file, label, "spec.privateIdentity", "'" + impi + "' is not a"
                    + " private identity (user@realm, TS 23.003 13.3)");
        }
        List<PublicIdentitySpec> publicIdentities = spec.getPublicIdentities();
        if (publicIdentities.isEmpty() || publicIdentities.size() > MAX_PUBLIC_IDENTITIES) {
            throw new InvalidManifestException(file, label, "spec.publicIdentities", "must hold 1 to "
                    + MAX_PUBLIC_IDENTITIES + " identities, has " + publicIdentities.size());
        }
        List<String> impus = new ArrayList<>();
        for (int i = 0; i < publicIdentities.size(); i++) {
            String field = "spec.publicIdentities[" + i + "].identity";
            PublicIdentitySpec identity = publicIdentities.get(i);
            String impu = identity == null ? null : identity.getIdentity();
            if (impu == null || impu.isBlank()) {
                throw new InvalidManifestException(file, label, field, "is required");
            }
            if (!PUBLIC_IDENTITY.matcher(impu).matches()) {
                throw new InvalidManifestException(file, label, field, "'" + impu + "' is not a public identity"
                        + " (sip:user@host or tel:+number, TS 23.003 13.4)");
            }
            if (impus.contains(impu)) {
                throw new InvalidManifestException(file, label, field, impu + " is listed twice");
            }
            impus.add(impu);
        }
        if (spec.getAuth() == null) {
            throw new InvalidManifestException(file, label, "spec.auth", "is required");
        }
        if (spec.getAuth().getScheme() == null) {
            throw new InvalidManifestException(file, label, "spec.auth.scheme", "is required (AKAv1-MD5 or"
                    + " SIP-Digest)");
        }
        if (spec.getAuth().getSecretRef() == null || spec.getAuth().getSecretRef().getName() == null) {
            throw new InvalidManifestException(file, label, "spec.auth.secretRef.name", "is required");
        }
        String namespace = namespaceKey(subscriber);
        String secretName = spec.getAuth().getSecretRef().getName();
        Located<Secret> secret = secrets.get(namespace + "/" + secretName);
        if (secret == null) {
            throw new InvalidManifestException(file, label, "spec.auth.secretRef.name", "Secret " + secretName
                    + " is not among the manifests in " + directory);
        }
        IfcProfile profile = null;
        if (spec.getIfcProfile() != null) {
            Located<IfcProfile> named = profiles.get(namespace + "/" + spec.getIfcProfile());
            if (named == null) {
                throw new InvalidManifestException(file, label, "spec.ifcProfile", "IfcProfile "
                        + spec.getIfcProfile() + " is not among the manifests in " + directory);
            }
            profile = named.object();
        }
        HssSubscriber body;
        try {
            body = SubscriberMapping.toHss(subscriber, secret.object(), profile);
        } catch (InvalidCredentialsSecretException e) {
            // names the Secret and key, never the value
            throw new InvalidManifestException(secret.file(), secret.label(), null, e.getMessage() + " (for "
                    + spec.getAuth().getScheme() + " of " + label + ")");
        }
        return new SubscriberManifest(file, new TestSubscriber(subscriber.getMetadata().getName(), impi, impus,
                spec.getAuth().getScheme()), body);
    }

    // ---- helpers ----

    private static String namespaceKey(HasMetadata object) {
        String namespace = object.getMetadata().getNamespace();
        return namespace == null ? "" : namespace;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
    }

    /** The JSON path of a mapping error, e.g. {@code spec.publicIdentities[1].identity}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The first line of a parser message: the later lines quote the manifest, which may be a Secret. */
    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
