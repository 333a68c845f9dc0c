package io.kubeims.operator.packaging;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One RBAC permission: API group ("" for core), resource (with subresource, e.g. {@code imscores/status}) and verb.
 * Read from an API request (method and path, as the API server's authorizer sees it) or from Role rules.
 */
record ApiPermission(String group, String resource, String verb) implements Comparable<ApiPermission> {

    /**
     * The permission an API request needs, as kube-apiserver's request-info resolver derives it: {@code /api/v1/...}
     * is the core group, {@code /apis/<group>/<version>/...}; a GET of a collection is list or watch
     * ({@code watch=true}), of a named object get; POST create, PUT update, PATCH patch, DELETE delete.
     *
     * @return null for non-resource requests (discovery: {@code /api}, {@code /apis}, {@code /version})
     */
    static ApiPermission of(String method, String pathAndQuery) {
        URI uri = URI.create(pathAndQuery);
        String[] parts = uri.getPath().replaceAll("^/+", "").split("/");
        int at;
        String group;
        if (parts.length >= 3 && parts[0].equals("api")) {
            group = "";
            at = 2;
        } else if (parts.length >= 4 && parts[0].equals("apis")) {
            group = parts[1];
            at = 3;
        } else {
            return null;
        }
        if (parts.length > at + 1 && parts[at].equals("namespaces") && parts.length > at + 2) {
            at += 2;   // namespaced: namespaces/<ns>/<resource>...
        }
        String resource = parts[at];
        boolean named = parts.length > at + 1;
        if (parts.length > at + 2) {
            resource = resource + "/" + parts[at + 2];
        }
        String query = uri.getQuery() == null ? "" : uri.getQuery();
        String verb = switch (method) {
            case "GET" -> named ? "get" : query.contains("watch=true") ? "watch" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> named ? "delete" : "deletecollection";
            default -> method.toLowerCase();
        };
        return new ApiPermission(group, resource, verb);
    }

    /** Every permission the Roles and ClusterRoles among {@code objects} grant (no wildcards allowed). */
    static Set<ApiPermission> grantedBy(List<HasMetadata> objects) {
        Set<ApiPermission> granted = new TreeSet<>();
        for (HasMetadata object : objects) {
            List<PolicyRule> rules = object instanceof ClusterRole role ? role.getRules()
                    : object instanceof Role role ? role.getRules() : List.of();
            for (PolicyRule rule : rules) {
                for (String group : rule.getApiGroups()) {
                    for (String resource : rule.getResources()) {
                        for (String verb : rule.getVerbs()) {
                            if (group.equals("*") || resource.equals("*") || verb.equals("*")) {
                                throw new AssertionError("wildcard in " + object.getMetadata().getName() + ": " + rule);
                            }
                            granted.add(new ApiPermission(group, resource, verb));
                        }
                    }
                }
            }
        }
        return granted;
    }

    @Override
    public int compareTo(ApiPermission other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return (group.isEmpty() ? "core" : group) + " " + resource + " " + verb;
    }
}
