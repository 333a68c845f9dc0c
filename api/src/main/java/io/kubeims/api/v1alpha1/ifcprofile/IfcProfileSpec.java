package io.kubeims.api.v1alpha1.ifcprofile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

import java.util.ArrayList;
import java.util.List;

/** The iFCs of a profile; each maps one to one onto a TS 29.228 {@code InitialFilterCriteria} element. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IfcProfileSpec {

    @Required
    @Size(min = 1, max = 256)
    @ValidationRule(value = "self.all(x, self.exists_one(y, y.priority == x.priority))",
            message = "iFC priorities must be unique within a profile (TS 29.228 B.2.2)")
    @JsonPropertyDescription("Initial Filter Criteria, evaluated by the S-CSCF in ascending priority.")
    private List<InitialFilterCriterionSpec> initialFilterCriteria = new ArrayList<>();

    public List<InitialFilterCriterionSpec> getInitialFilterCriteria() {
        return initialFilterCriteria;
    }

    public void setInitialFilterCriteria(List<InitialFilterCriterionSpec> initialFilterCriteria) {
        this.initialFilterCriteria = initialFilterCriteria == null ? new ArrayList<>() : initialFilterCriteria;
    }
}
