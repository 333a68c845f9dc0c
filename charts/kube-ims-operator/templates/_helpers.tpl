{{/* The release's full name, used for every object of the chart. */}}
{{- define "kube-ims-operator.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "kube-ims-operator.serviceAccountName" -}}
{{- default (include "kube-ims-operator.fullname" .) .Values.serviceAccount.name -}}
{{- end -}}

{{/* Labels of every object; app.kubernetes.io/name=kube-ims-operator is also what the HSS NetworkPolicy admits. */}}
{{- define "kube-ims-operator.labels" -}}
app.kubernetes.io/name: kube-ims-operator
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "kube-ims-operator.selectorLabels" -}}
app.kubernetes.io/name: kube-ims-operator
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/*
The rules of what the operator calls, and nothing more (OperatorRbacTest compares them with the API calls its
reconcilers make on the mock API server).
*/}}
{{- define "kube-ims-operator.rules" -}}
# the custom resources: informers, finalizers, status
- apiGroups: ["ims.kubeims.io"]
  resources: ["imscores", "subscribers", "ifcprofiles"]
  verbs: ["get", "list", "watch", "patch", "update"]
- apiGroups: ["ims.kubeims.io"]
  resources: ["imscores/status", "subscribers/status", "ifcprofiles/status"]
  verbs: ["patch", "update"]
# owner references with blockOwnerDeletion need update on the owner's finalizers
- apiGroups: ["ims.kubeims.io"]
  resources: ["imscores/finalizers"]
  verbs: ["update"]
# an ImsCore's owned objects (dependents); Secrets also: Subscriber credentials, HSS API tokens
- apiGroups: [""]
  resources: ["configmaps", "services", "secrets"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
- apiGroups: ["apps"]
  resources: ["deployments", "statefulsets"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
- apiGroups: ["policy"]
  resources: ["poddisruptionbudgets"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
- apiGroups: ["networking.k8s.io"]
  resources: ["networkpolicies"]
  verbs: ["get", "list", "watch", "create", "update", "patch", "delete"]
# Events on ImsCores
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create"]
{{- end -}}
