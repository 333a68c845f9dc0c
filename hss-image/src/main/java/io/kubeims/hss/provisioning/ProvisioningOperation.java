package io.kubeims.hss.provisioning;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names a resource method's operation in the {@value ProvisioningMetrics#OPERATIONS} counter. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ProvisioningOperation {

    /** The operation tag, e.g. "subscriber.put". */
    String value();
}
