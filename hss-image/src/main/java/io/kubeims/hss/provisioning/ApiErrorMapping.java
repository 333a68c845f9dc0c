package io.kubeims.hss.provisioning;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.kubeims.hss.store.DuplicatePublicIdentityException;
import io.kubeims.hss.subscriber.InvalidSubscriberException;
import io.kubeims.protocol.ifc.InvalidIfcException;
import io.kubeims.store.StoreContentionException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.infinispan.commons.CacheException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;

/**
 * Turns every failure of the provisioning API into its status and an {@link ApiError} body, and logs it once: DEBUG
 * for 4xx (the client's mistake), WARN for 5xx. Messages never hold secrets: the validation exceptions of the
 * subscriber model and of ims-protocol omit key material by contract, and Jackson's own messages (which may quote
 * the offending input) are replaced by the JSON path of the field and its line and column.
 */
public class ApiErrorMapping {

    private static final Logger LOG = Logger.getLogger(ApiErrorMapping.class);

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e) {
        return clientError(Response.Status.BAD_REQUEST, ApiError.of(e.getMessage(), e.field()));
    }

    @ServerExceptionMapper
    public Response invalidSubscriber(InvalidSubscriberException e) {
        return clientError(Response.Status.BAD_REQUEST, ApiError.of(e.getMessage(), e.field()));
    }

    @ServerExceptionMapper
    public Response invalidIfc(InvalidIfcException e) {
        return clientError(Response.Status.BAD_REQUEST, ApiError.of(e.getMessage(), "initialFilterCriteria"));
    }

    @ServerExceptionMapper
    public Response duplicatePublicIdentity(DuplicatePublicIdentityException e) {
        return clientError(Response.Status.CONFLICT,
                new ApiError(e.getMessage(), "publicIdentities", e.publicIdentity(), e.owner()));
    }

    @ServerExceptionMapper
    public Response unknownResource(UnknownResourceException e) {
        return clientError(Response.Status.NOT_FOUND, ApiError.of(e.getMessage(), null));
    }

    @ServerExceptionMapper
    public Response notRegistered(NotRegisteredException e) {
        return clientError(Response.Status.CONFLICT, ApiError.of(e.getMessage(), null));
    }

    /** Wrong JSON types, unknown fields, nulls in lists, unknown enum values: thrown by Quarkus' body reader. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return clientError(Response.Status.BAD_REQUEST, jsonError(e));
    }

    /**
     * Quarkus' own answers (404 for an unknown path, 405, 406, 415) pass through unchanged; a 400 it raised for
     * unparsable JSON gets our error body.
     */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return clientError(Response.Status.BAD_REQUEST, jsonError(json));
        }
        Response response = e.getResponse();
        if (response.getStatus() >= 500) {
            LOG.warnf(e, "%d answered", response.getStatus());
        } else {
            LOG.debugf("%d answered: %s", response.getStatus(), e.getMessage());
        }
        return response;
    }

    @ServerExceptionMapper
    public Response storeContention(StoreContentionException e) {
        LOG.warnf("503 answered: %s", e.getMessage());
        return json(Response.Status.SERVICE_UNAVAILABLE,
                ApiError.of("the store is busy with concurrent updates of this subscriber; retry", null));
    }

    /** Infinispan failed (Hot Rod server unreachable, cache stopped during shutdown): the client may retry. */
    @ServerExceptionMapper
    public Response storeUnavailable(CacheException e) {
        LOG.warnf("503 answered: the store failed: %s: %s", e.getClass().getName(), e.getMessage());
        return json(Response.Status.SERVICE_UNAVAILABLE, ApiError.of("the subscriber store is unavailable; retry",
                null));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.warnf(e, "500 answered: %s", e.getClass().getName());
        return json(Response.Status.INTERNAL_SERVER_ERROR, ApiError.of("internal error of the HSS", null));
    }

    private static ApiError jsonError(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : null;
        String problem;
        if (e instanceof UnrecognizedPropertyException) {
            problem = "is not a known field";
        } else if (e instanceof InvalidNullException) {
            problem = "must not be null";
        } else if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            problem = "must be one of " + enumValues(format.getTargetType());
        } else if (e instanceof MismatchedInputException) {
            problem = "has the wrong JSON type or value";
        } else {
            problem = "malformed JSON";
        }
        JsonLocation location = e.getLocation();
        String at = location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return ApiError.of((field == null ? "body: " : field + ": ") + problem + at, field);
    }

    /** The JSON path of the failing value, e.g. "auth.k" or "publicIdentities[1].identity"; null at the root. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? null : path.toString();
    }

    /** The JSON names of an enum's constants (honouring {@code @JsonProperty}). */
    private static List<String> enumValues(Class<?> type) {
        return Arrays.stream(type.getFields()).filter(Field::isEnumConstant).map(field -> {
            JsonProperty name = field.getAnnotation(JsonProperty.class);
            return name != null ? name.value() : field.getName();
        }).toList();
    }

    private static Response clientError(Response.Status status, ApiError error) {
        LOG.debugf("%d answered: %s", status.getStatusCode(), error.error());
        return json(status, error);
    }

    private static Response json(Response.Status status, ApiError error) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }
}
