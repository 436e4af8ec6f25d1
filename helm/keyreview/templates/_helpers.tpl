{{/*
Expand the name of the chart.
*/}}
{{- define "keyreview.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
A default fully qualified app name, truncated so that "<fullname>-quarterly" stays within the 52 characters
Kubernetes allows a CronJob name.
*/}}
{{- define "keyreview.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 42 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 42 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 42 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version as used by the chart label.
*/}}
{{- define "keyreview.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Common labels
*/}}
{{- define "keyreview.labels" -}}
helm.sh/chart: {{ include "keyreview.chart" . }}
{{ include "keyreview.selectorLabels" . }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Selector labels
*/}}
{{- define "keyreview.selectorLabels" -}}
app.kubernetes.io/name: {{ include "keyreview.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
The claim that holds the file drops and the outputs.
*/}}
{{- define "keyreview.claimName" -}}
{{- default (printf "%s-data" (include "keyreview.fullname" .)) .Values.persistence.existingClaim }}
{{- end }}
