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
# the custom resources: informers; Subscribers carry a finalizer; an ImsCore is read to find its HSS
- apiGroups: ["ims.kubeims.io"]
  resources: ["imscores", "ifcprofiles"]
  verbs: ["list", "watch"]
- apiGroups: ["ims.kubeims.io"]
  resources: ["imscores"]
  verbs: ["get"]
- apiGroups: ["ims.kubeims.io"]
  resources: ["subscribers"]
  verbs: ["list", "watch", "patch"]
- apiGroups: ["ims.kubeims.io"]
  resources: ["imscores/status", "subscribers/status", "ifcprofiles/status"]
  verbs: ["patch"]
# owner references with blockOwnerDeletion need update on the owner's finalizers
- apiGroups: ["ims.kubeims.io"]
  resources: ["imscores/finalizers"]
  verbs: ["update"]
# an ImsCore's owned objects (dependents; patch is server-side apply). Functions' objects go with their ImsCore
# (garbage collection); the Infinispan objects are deleted when the store type changes.
- apiGroups: [""]
  resources: ["configmaps"]
  verbs: ["list", "watch", "create", "update", "patch"]
- apiGroups: [""]
  resources: ["services"]
  verbs: ["list", "watch", "create", "update", "patch", "delete"]
# Secrets: Subscriber credentials, generated Secrets (created once, never updated), referenced store credentials
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get", "list", "watch", "create", "patch", "delete"]
- apiGroups: ["apps"]
  resources: ["deployments"]
  verbs: ["list", "watch", "create", "update", "patch"]
- apiGroups: ["apps"]
  resources: ["statefulsets"]
  verbs: ["list", "watch", "create", "update", "patch", "delete"]
# the Infinispan Operator's CR, instead of the StatefulSet when its CRD is installed
- apiGroups: ["infinispan.org"]
  resources: ["infinispans"]
  verbs: ["list", "watch", "create", "update", "patch", "delete"]
- apiGroups: ["policy"]
  resources: ["poddisruptionbudgets"]
  verbs: ["list", "watch", "create", "update", "patch"]
- apiGroups: ["networking.k8s.io"]
  resources: ["networkpolicies"]
  verbs: ["list", "watch", "create", "update", "patch"]
# Events on ImsCores
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create"]
{{- end -}}
