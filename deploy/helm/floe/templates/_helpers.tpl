{{/* Names and labels. */}}
{{- define "floe.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "floe.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "floe.selectorLabels" -}}
app.kubernetes.io/name: {{ include "floe.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "floe.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "floe.selectorLabels" . }}
app.kubernetes.io/version: {{ include "floe.tag" . | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: floe
{{- end -}}

{{- define "floe.tag" -}}
{{- .Values.image.tag | default .Chart.AppVersion -}}
{{- end -}}

{{- define "floe.image" -}}
{{- printf "%s:%s" .Values.image.repository (include "floe.tag" .) -}}
{{- end -}}

{{- define "floe.secretName" -}}
{{- .Values.secrets.existingSecret | default (include "floe.fullname" .) -}}
{{- end -}}

{{- define "floe.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- .Values.serviceAccount.name | default (include "floe.fullname" .) -}}
{{- else -}}
{{- .Values.serviceAccount.name | default "default" -}}
{{- end -}}
{{- end -}}

{{/* The environment contract, less its secrets (those come from the Secret through envFrom). */}}
{{- define "floe.env" -}}
{{- $s := .Values.settings -}}
- name: BASE_SETTINGS_MODULE
  value: {{ $s.baseSettingsModule | quote }}
- name: SITE_DOMAIN
  value: {{ required "settings.siteDomain is required (the site's canonical host, e.g. www.example.com)" $s.siteDomain | quote }}
- name: VIRTUAL_HOST
  value: {{ $s.virtualHost | quote }}
- name: FORCE_SSL
  value: {{ $s.forceSsl | toString | quote }}
{{- if $s.pg.host }}
- name: PGHOST
  value: {{ $s.pg.host | quote }}
- name: PGPORT
  value: {{ $s.pg.port | toString | quote }}
- name: PGDATABASE
  value: {{ $s.pg.database | quote }}
- name: PGUSER
  value: {{ $s.pg.user | quote }}
{{- end }}
- name: REDIS_ADDRESS
  value: {{ $s.redisAddress | quote }}
- name: ELASTICSEARCH_ADDRESS
  value: {{ $s.elasticsearchAddress | quote }}
- name: AWS_STORAGE_BUCKET_NAME
  value: {{ $s.aws.storageBucketName | quote }}
- name: AWS_S3_ENDPOINT_URL
  value: {{ $s.aws.s3EndpointUrl | quote }}
- name: AWS_REGION
  value: {{ $s.aws.region | quote }}
- name: EMAIL_HOST
  value: {{ $s.email.host | quote }}
- name: EMAIL_PORT
  value: {{ $s.email.port | toString | quote }}
- name: EMAIL_HOST_USER
  value: {{ $s.email.hostUser | quote }}
- name: PORT
  value: {{ $s.port | toString | quote }}
- name: FLOE_VAR_DIR
  value: {{ $s.varDir | quote }}
- name: FLOE_MIGRATE_ON_START
  value: {{ ternary ($s.migrateOnStart | toString) "yes" (not (empty $s.pg.host)) | quote }}
- name: FLOE_JAVA_OPTS
  value: {{ $s.javaOpts | quote }}
- name: FLOE_AOT
  value: {{ $s.aot | toString | quote }}
{{- with $s.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "floe.envFrom" -}}
- secretRef:
    name: {{ include "floe.secretName" . }}
{{- end -}}

{{/* Headers every probe sends: an accepted Host and, with FORCE_SSL, the proxy's X-Forwarded-Proto. */}}
{{- define "floe.probeHeaders" -}}
- name: Host
  value: {{ .Values.settings.siteDomain | quote }}
{{- if has (lower (toString .Values.settings.forceSsl)) (list "yes" "true" "1" "on") }}
- name: X-Forwarded-Proto
  value: https
{{- end }}
{{- end -}}

{{- define "floe.podSecurity" -}}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
serviceAccountName: {{ include "floe.serviceAccountName" . }}
automountServiceAccountToken: {{ .Values.serviceAccount.automountServiceAccountToken }}
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}
