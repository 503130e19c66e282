#!/usr/bin/env python3
"""Checks the deployment files that cannot be tried on this machine (no Docker engine, no Kubernetes, no helm).

  python3 scripts/image/check-deploy.py        (run by scripts/image-test.sh; exit 1 on the first kind of problem)

- deploy/helm/floe: renders the chart with scripts/image/gotemplate.py (a Go-template subset; helm itself is not
  installable here) for several sets of values, parses every manifest, and checks what Kubernetes and Helm would
  reject or what would break a rollout: names, selectors against pod labels, probe ports and paths, hook
  annotations, every variable of the environment contract present, secrets only from a Secret. Values that must be
  refused (no site domain, a short secret in production) must make rendering fail.
- deploy/compose.yaml, deploy/stack.yaml: parsed, with the rules the issue sets (migrate before serve, start-first
  one-at-a-time updates with rollback, ...).
- .github/workflows/release.yml: parsed; push only after the tests and the smoke test; deploy only after the push.
- deploy/Dockerfile: the instructions the image must have.
"""
import copy
import os
import re
import sys

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gotemplate  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CHART = os.path.join(ROOT, "deploy", "helm", "floe")

CONTRACT = ["BASE_SETTINGS_MODULE", "SECRET_KEY", "SITE_DOMAIN", "VIRTUAL_HOST", "FORCE_SSL", "PGHOST", "PGPORT",
            "PGDATABASE", "PGUSER", "PGPASSWORD", "REDIS_ADDRESS", "ELASTICSEARCH_ADDRESS", "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY", "AWS_STORAGE_BUCKET_NAME", "AWS_S3_ENDPOINT_URL", "AWS_REGION", "EMAIL_HOST",
            "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD", "PORT", "FLOE_VAR_DIR"]
SECRET_VARS = {"SECRET_KEY", "PGPASSWORD", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "EMAIL_HOST_PASSWORD"}
DNS_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
DNS_SUBDOMAIN = re.compile(r"^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")

problems = []


def problem(where, message):
    problems.append(f"{where}: {message}")


def load_yaml(path):
    with open(path) as f:
        return yaml.safe_load(f)


# ---------------------------------------------------------------------------------------------------------------------
# Helm chart

def deep_merge(base, override):
    out = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def render_chart(values_override, release="floe"):
    chart = load_yaml(os.path.join(CHART, "Chart.yaml"))
    values = deep_merge(load_yaml(os.path.join(CHART, "values.yaml")), values_override)
    context = {
        "Values": values,
        "Chart": {"Name": chart["name"], "Version": chart["version"], "AppVersion": chart.get("appVersion", "")},
        "Release": {"Name": release, "Namespace": "floe", "Service": "Helm", "Revision": 1, "IsInstall": True,
                    "IsUpgrade": False},
        "Capabilities": {"KubeVersion": {"Version": "v1.31.0"}},
        "Template": {"BasePath": "floe/templates"},
    }
    renderer = gotemplate.Renderer()
    trees = {}
    folder = os.path.join(CHART, "templates")
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name)) as f:
            tree = renderer.add(name, f.read())
        if not name.startswith("_"):
            trees[name] = tree
    rendered = {}
    for name, tree in trees.items():
        ctx = dict(context, Template={"Name": f"floe/templates/{name}", "BasePath": "floe/templates"})
        rendered[name] = renderer.render(tree, ctx)
    return values, rendered


def manifests(rendered, where):
    docs = []
    for name, text in rendered.items():
        if name == "NOTES.txt":
            continue
        try:
            for doc in yaml.safe_load_all(text):
                if doc is not None:
                    docs.append((name, doc))
        except yaml.YAMLError as e:
            numbered = "\n".join(f"{i + 1:4} {line}" for i, line in enumerate(text.split("\n")))
            problem(f"{where} {name}", f"not valid YAML once rendered: {e}\n{numbered}")
    return docs


def labels_match(selector, labels):
    return all(labels.get(k) == v for k, v in (selector or {}).items())


CONTAINER_FIELDS = {"name", "image", "imagePullPolicy", "command", "args", "workingDir", "ports", "env", "envFrom",
                    "resources", "volumeMounts", "livenessProbe", "readinessProbe", "startupProbe", "lifecycle",
                    "securityContext", "terminationMessagePath", "terminationMessagePolicy", "stdin", "tty"}
POD_FIELDS = {"containers", "initContainers", "volumes", "restartPolicy", "terminationGracePeriodSeconds",
              "serviceAccountName", "automountServiceAccountToken", "securityContext", "imagePullSecrets",
              "nodeSelector", "tolerations", "affinity", "topologySpreadConstraints", "priorityClassName",
              "enableServiceLinks", "hostname", "dnsPolicy"}


def check_pod_spec(where, spec, values, secret_names, kind):
    if set(spec) - POD_FIELDS:
        problem(where, f"unknown pod fields {sorted(set(spec) - POD_FIELDS)} (an indentation slip?)")
    containers = spec.get("containers") or []
    if not containers:
        problem(where, "no containers")
    for c in containers:
        cw = f"{where} container {c.get('name')}"
        if set(c) - CONTAINER_FIELDS:
            problem(cw, f"unknown container fields {sorted(set(c) - CONTAINER_FIELDS)} (an indentation slip?)")
        if any(v is None for v in c.values()):
            problem(cw, f"empty fields {sorted(k for k, v in c.items() if v is None)}")
        if not c.get("image") or ":" not in c["image"]:
            problem(cw, f"image without a tag: {c.get('image')!r}")
        names = [e.get("name") for e in c.get("env") or []]
        dupes = {n for n in names if names.count(n) > 1}
        if dupes:
            problem(cw, f"variables set twice: {sorted(dupes)}")
        for e in c.get("env") or []:
            if set(e) - {"name", "value", "valueFrom"} or "name" not in e:
                problem(cw, f"malformed env entry {e}")
            if "value" in e and not isinstance(e["value"], str):
                problem(cw, f"env {e.get('name')} has a non-string value {e['value']!r} (Kubernetes refuses it)")
            if e.get("name") in SECRET_VARS and "value" in e:
                problem(cw, f"secret {e['name']} given as a plain value")
        from_secrets = [ef["secretRef"]["name"] for ef in c.get("envFrom") or [] if "secretRef" in ef]
        if not from_secrets:
            problem(cw, "no envFrom secretRef: the secret settings would be missing")
        for s in from_secrets:
            if secret_names is not None and s not in secret_names:
                problem(cw, f"envFrom names Secret {s!r}, which the chart does not make (nor existingSecret)")
        provided = set(names) | (SECRET_VARS if from_secrets else set())
        pg_vars = {"PGHOST", "PGPORT", "PGDATABASE", "PGUSER"}
        wanted = set(CONTRACT) - (set() if values["settings"]["pg"]["host"] else pg_vars)
        missing = wanted - provided
        if missing:
            problem(cw, f"the environment contract lacks {sorted(missing)}")
        ports = {p.get("name"): p.get("containerPort") for p in c.get("ports") or []}
        for probe_name in ("startupProbe", "readinessProbe", "livenessProbe"):
            probe = c.get(probe_name)
            if kind == "Deployment" and not probe:
                problem(cw, f"no {probe_name}")
                continue
            if not probe:
                continue
            get = probe.get("httpGet") or {}
            if get.get("port") not in ports and get.get("port") not in ports.values():
                problem(cw, f"{probe_name} port {get.get('port')!r} is not a container port")
            if not str(get.get("path", "")).startswith("/-/health/"):
                problem(cw, f"{probe_name} path {get.get('path')!r} is not a health endpoint")
            hosts = [h for h in get.get("httpHeaders") or [] if h.get("name") == "Host"]
            if not hosts or hosts[0].get("value") != values["settings"]["siteDomain"]:
                problem(cw, f"{probe_name} does not send Host: the site domain")
        if kind == "Deployment":
            if c["livenessProbe"]["httpGet"]["path"] != "/-/health/live":
                problem(cw, "liveness must not depend on the database (use /-/health/live)")
            pre = ((c.get("lifecycle") or {}).get("preStop") or {})
            if not (pre.get("exec") or pre.get("sleep")):
                problem(cw, "no preStop delay")
            cmd = (pre.get("exec") or {}).get("command") or []
            if cmd and (cmd[0] != "sleep" or not all(isinstance(x, str) for x in cmd)):
                problem(cw, f"preStop command {cmd!r} is not a sleep with string arguments")
        mounts = {m["name"] for m in c.get("volumeMounts") or []}
        volumes = {v["name"] for v in spec.get("volumes") or []}
        if mounts - volumes:
            problem(cw, f"mounts volumes that do not exist: {sorted(mounts - volumes)}")
        sc = c.get("securityContext") or {}
        if sc.get("readOnlyRootFilesystem") and "/tmp" not in {m["mountPath"] for m in c.get("volumeMounts") or []}:
            problem(cw, "read-only root file system without a writable /tmp (the JVM needs one)")
    psc = spec.get("securityContext") or {}
    if not psc.get("runAsNonRoot") or psc.get("runAsUser") in (0, None):
        problem(where, "pods must run as a non-root user")


def check_chart_scenario(label, override, expect_job=True):
    where = f"helm[{label}]"
    try:
        values, rendered = render_chart(override)
    except gotemplate.TemplateError as e:
        problem(where, f"rendering failed: {e}")
        return
    docs = manifests(rendered, where)
    by_kind = {}
    for name, doc in docs:
        for field in ("apiVersion", "kind", "metadata"):
            if field not in doc:
                problem(f"{where} {name}", f"no {field}")
        if "metadata" not in doc:
            continue
        obj_name = doc["metadata"].get("name", "")
        if not DNS_SUBDOMAIN.match(obj_name) or len(obj_name) > 63:
            problem(f"{where} {name}", f"bad object name {obj_name!r}")
        for k, v in (doc["metadata"].get("labels") or {}).items():
            if not isinstance(v, str) or len(v) > 63:
                problem(f"{where} {name}", f"label {k}={v!r} is not a string of at most 63 characters")
        for k, v in (doc["metadata"].get("annotations") or {}).items():
            if not isinstance(v, str):
                problem(f"{where} {name}", f"annotation {k}={v!r} is not a string (Kubernetes refuses it)")
        by_kind.setdefault(doc["kind"], []).append(doc)

    deployments = by_kind.get("Deployment", [])
    if len(deployments) != 1:
        problem(where, f"expected one Deployment, found {len(deployments)}")
        return
    dep = deployments[0]
    pod_labels = dep["spec"]["template"]["metadata"]["labels"]
    if not labels_match(dep["spec"]["selector"]["matchLabels"], pod_labels):
        problem(where, "the Deployment's selector does not match its pod labels")
    secrets = [s["metadata"]["name"] for s in by_kind.get("Secret", [])]
    secret_names = set(secrets) | ({values["secrets"]["existingSecret"]} if values["secrets"]["existingSecret"] else set())
    if values["secrets"]["existingSecret"] and secrets:
        problem(where, "makes a Secret although existingSecret is set")
    check_pod_spec(f"{where} Deployment", dep["spec"]["template"]["spec"], values, secret_names, "Deployment")
    strategy = dep["spec"].get("strategy", {})
    if strategy.get("rollingUpdate", {}).get("maxUnavailable") not in (0, "0", "0%"):
        problem(where, "rolling updates should keep every instance until its successor is ready (maxUnavailable 0)")
    env = {e["name"]: e.get("value") for e in dep["spec"]["template"]["spec"]["containers"][0]["env"]}
    if values["settings"]["pg"]["host"] and env.get("FLOE_MIGRATE_ON_START") != "no":
        problem(where, "instances on PostgreSQL must not migrate on start (the Job does)")

    for s in by_kind.get("Secret", []):
        ann = s["metadata"].get("annotations") or {}
        if "pre-install" not in ann.get("helm.sh/hook", ""):
            problem(where, "the chart's Secret must be a pre-install hook, or the first migration Job cannot read it")
        if "SECRET_KEY" not in (s.get("stringData") or {}):
            problem(where, "the chart's Secret has no SECRET_KEY")

    jobs = by_kind.get("Job", [])
    if expect_job:
        if len(jobs) != 1:
            problem(where, f"expected one migration Job, found {len(jobs)}")
        for job in jobs:
            ann = job["metadata"].get("annotations") or {}
            hooks = set(ann.get("helm.sh/hook", "").split(","))
            if not {"pre-install", "pre-upgrade"} <= hooks:
                problem(where, f"the migration Job's hooks are {sorted(hooks)}, not pre-install and pre-upgrade")
            if "before-hook-creation" not in ann.get("helm.sh/hook-delete-policy", ""):
                problem(where, "the migration Job needs hook-delete-policy before-hook-creation (else the next "
                               "upgrade fails: the Job already exists)")
            for s in by_kind.get("Secret", []):
                sw = int((s["metadata"].get("annotations") or {}).get("helm.sh/hook-weight", "0"))
                if sw >= int(ann.get("helm.sh/hook-weight", "0")):
                    problem(where, "the Secret hook must come before the Job hook (lower hook-weight)")
            pod = job["spec"]["template"]["spec"]
            if pod.get("restartPolicy") not in ("Never", "OnFailure"):
                problem(where, "a Job's pods need restartPolicy Never or OnFailure")
            c = pod["containers"][0]
            if c.get("args") != ["migrate"]:
                problem(where, f"the migration Job runs {c.get('args')!r}, not ['migrate']")
            if c["image"] != dep["spec"]["template"]["spec"]["containers"][0]["image"]:
                problem(where, "the migration Job and the Deployment use different images")
            check_pod_spec(f"{where} Job", pod, values, secret_names, "Job")
            if any(labels_match(dep["spec"]["selector"]["matchLabels"], pod_labels_)
                   for pod_labels_ in [job["spec"]["template"]["metadata"]["labels"]]):
                problem(where, "the migration Job's pods match the Deployment's selector")
    elif jobs:
        problem(where, "a migration Job is rendered although there is no PostgreSQL to migrate")
    elif env.get("FLOE_MIGRATE_ON_START") != "yes":
        problem(where, "without a migration Job the instances must migrate on start")

    for svc in by_kind.get("Service", []):
        if not labels_match(svc["spec"]["selector"], pod_labels):
            problem(where, "the Service's selector does not match the web pods")
        if any(labels_match(svc["spec"]["selector"], j["spec"]["template"]["metadata"]["labels"]) for j in jobs):
            problem(where, "the Service's selector matches the migration Job's pods")
    for pdb in by_kind.get("PodDisruptionBudget", []):
        if not labels_match(pdb["spec"]["selector"]["matchLabels"], pod_labels):
            problem(where, "the PodDisruptionBudget's selector does not match the web pods")
        if ("minAvailable" in pdb["spec"]) == ("maxUnavailable" in pdb["spec"]):
            problem(where, "a PodDisruptionBudget takes exactly one of minAvailable and maxUnavailable")
    if values["podDisruptionBudget"]["enabled"] and not by_kind.get("PodDisruptionBudget"):
        problem(where, "no PodDisruptionBudget")
    service_names = {s["metadata"]["name"] for s in by_kind.get("Service", [])}
    for ing in by_kind.get("Ingress", []):
        for rule in ing["spec"]["rules"]:
            if not rule.get("host"):
                problem(where, "an ingress rule without a host")
            for p in rule["http"]["paths"]:
                backend = p["backend"]["service"]
                if backend["name"] not in service_names:
                    problem(where, f"the Ingress points at Service {backend['name']!r}, which does not exist")
    if values["ingress"]["enabled"] and not by_kind.get("Ingress"):
        problem(where, "ingress.enabled but no Ingress")
    if values["persistence"]["enabled"]:
        vols = {v["name"]: v for v in dep["spec"]["template"]["spec"]["volumes"]}
        claim = (vols["var"].get("persistentVolumeClaim") or {}).get("claimName")
        pvcs = {p["metadata"]["name"] for p in by_kind.get("PersistentVolumeClaim", [])}
        if claim not in pvcs and claim != values["persistence"]["existingClaim"]:
            problem(where, f"the var volume claims {claim!r}, which is neither made nor existing")
    print(f"check-deploy: helm[{label}]: " + ", ".join(f"{len(v)} {k}" for k, v in sorted(by_kind.items())))


def check_chart_refuses(label, override, wanted):
    try:
        render_chart(override)
    except gotemplate.Fail as e:
        if wanted not in str(e):
            problem(f"helm[{label}]", f"refused, but with {e!r} instead of a message about {wanted!r}")
        else:
            print(f"check-deploy: helm[{label}]: refused as it should be ({e})")
        return
    except gotemplate.TemplateError as e:
        problem(f"helm[{label}]", f"rendering broke instead of refusing: {e}")
        return
    problem(f"helm[{label}]", f"rendered although it must be refused ({wanted})")


def check_chart():
    values = load_yaml(os.path.join(CHART, "values.yaml"))
    chart = load_yaml(os.path.join(CHART, "Chart.yaml"))
    for field in ("apiVersion", "name", "version", "appVersion"):
        if field not in chart:
            problem("Chart.yaml", f"no {field}")
    if chart.get("apiVersion") != "v2":
        problem("Chart.yaml", "apiVersion must be v2 (Helm 3)")
    helpers = open(os.path.join(CHART, "templates", "_helpers.tpl")).read()
    values_text = open(os.path.join(CHART, "values.yaml")).read()
    for var in CONTRACT:
        if var not in values_text:
            problem("values.yaml", f"no value documents {var}")
        if var not in SECRET_VARS and f"name: {var}" not in helpers:
            problem("_helpers.tpl", f"{var} is not set from the values")
    base = {"settings": {"siteDomain": "www.example.com", "pg": {"host": "db.internal"}},
            "secrets": {"secretKey": "k" * 8 + "abcdefghijklmnopqrstuvwxyz0123456789", "pgPassword": "pw"},
            "image": {"repository": "registry.example.com/floe", "tag": "0123456789abcdef0123456789abcdef01234567"}}
    check_chart_scenario("production", base)
    check_chart_scenario("existing secret, ingress, persistence, minAvailable", deep_merge(base, {
        "secrets": {"existingSecret": "floe-secrets", "secretKey": ""},
        "ingress": {"enabled": True, "className": "nginx", "tls": [{"secretName": "t", "hosts": ["www.example.com"]}]},
        "persistence": {"enabled": True, "accessModes": ["ReadWriteMany"]},
        "podDisruptionBudget": {"minAvailable": 1},
        "serviceAccount": {"create": True},
        "settings": {"redisAddress": "redis:6379", "elasticsearchAddress": "http://opensearch:9200",
                     "extraEnv": [{"name": "TZ", "value": "UTC"}]},
    }))
    check_chart_scenario("explicit ingress hosts, no PDB, plain http", deep_merge(base, {
        "ingress": {"enabled": True, "hosts": [{"host": "a.example.com", "paths": [{"path": "/"}]}]},
        "podDisruptionBudget": {"enabled": False}, "settings": {"forceSsl": "no"}, "image": {"tag": ""},
    }))
    check_chart_scenario("embedded database (trying the chart)", {
        "settings": {"siteDomain": "floe.local", "baseSettingsModule": "develop"}, "replicaCount": 1,
    }, expect_job=False)
    check_chart_refuses("no site domain", {"secrets": {"secretKey": "x" * 40}}, "siteDomain")
    check_chart_refuses("short secret in production", {"settings": {"siteDomain": "a.example.com"},
                                                      "secrets": {"secretKey": "short"}}, "secretKey")
    if values["settings"]["migrateOnStart"] != "no":
        problem("values.yaml", "settings.migrateOnStart must default to no (the Job migrates once per release)")


# ---------------------------------------------------------------------------------------------------------------------
# Compose, stack, workflow, Dockerfile

def check_compose():
    where = "deploy/compose.yaml"
    doc = load_yaml(os.path.join(ROOT, "deploy", "compose.yaml"))
    services = doc.get("services", {})
    before = len(problems)
    for name in ("floe", "migrate", "postgres", "redis", "opensearch"):
        if name not in services:
            problem(where, f"no {name} service")
    if len(problems) > before:
        return
    floe, migrate = services["floe"], services["migrate"]
    if migrate.get("command") not in ("migrate", ["migrate"]):
        problem(where, "the migrate service must run `migrate`")
    if migrate.get("image") != floe.get("image"):
        problem(where, "migrate and floe must use the same image")
    if (floe.get("depends_on", {}).get("migrate") or {}).get("condition") != "service_completed_successfully":
        problem(where, "floe must wait for migrate to complete successfully")
    for name in ("postgres", "redis", "opensearch"):
        if "healthcheck" not in services[name]:
            problem(where, f"{name} has no healthcheck")
        for dependant in ("floe", "migrate"):
            if (services[dependant].get("depends_on", {}).get(name) or {}).get("condition") != "service_healthy":
                problem(where, f"{dependant} must wait for {name} to be healthy")
    if not any(str(v).endswith(":/opt/floe/var") for v in floe.get("volumes", [])):
        problem(where, "floe has no volume at /opt/floe/var")
    for v in floe.get("volumes", []):
        if str(v).split(":")[0] not in (doc.get("volumes") or {}):
            problem(where, f"volume {v} is not a named volume")
    env = floe.get("environment", {})
    missing = [v for v in CONTRACT if v not in env]
    if missing:
        problem(where, f"floe's environment lacks {missing}")
    for name, svc in services.items():
        for port in svc.get("ports", []):
            if not str(port).startswith("127.0.0.1:"):
                problem(where, f"{name} publishes {port} beyond 127.0.0.1")
    print(f"check-deploy: compose: {len(services)} services, migrate before floe")


def check_stack():
    where = "deploy/stack.yaml"
    doc = load_yaml(os.path.join(ROOT, "deploy", "stack.yaml"))
    services = doc.get("services", {})
    floe = services.get("floe") or {}
    deploy = floe.get("deploy") or {}
    uc = deploy.get("update_config") or {}
    if not str(doc.get("version", "")).startswith("3"):
        problem(where, "docker stack deploy wants a version 3.x file")
    if not deploy.get("replicas"):
        problem(where, "no replicas")
    if uc.get("parallelism") != 1 or uc.get("order") != "start-first":
        problem(where, "updates must be one at a time, start-first")
    if uc.get("failure_action") != "rollback" or not uc.get("monitor"):
        problem(where, "a failed update must roll back, with a monitor period")
    if not deploy.get("rollback_config"):
        problem(where, "no rollback_config")
    if (deploy.get("restart_policy") or {}).get("condition") != "on-failure":
        problem(where, "restart_policy must be on-failure")
    if "healthcheck" not in floe:
        problem(where, "no healthcheck on floe")
    if not any(str(v).endswith(":/opt/floe/var") for v in floe.get("volumes", [])):
        problem(where, "no var volume")
    guide = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_STORAGE_BUCKET_NAME", "BASE_SETTINGS_MODULE",
             "EMAIL_HOST", "EMAIL_HOST_PASSWORD", "EMAIL_HOST_USER", "FORCE_SSL", "PGHOST", "PGPASSWORD", "PGUSER",
             "SECRET_KEY", "SITE_DOMAIN", "VIRTUAL_HOST"]
    env = floe.get("environment") or {}
    missing = [v for v in guide + CONTRACT if v not in env]
    if missing:
        problem(where, f"floe's environment lacks {sorted(set(missing))}")
    if env.get("BASE_SETTINGS_MODULE") != "production":
        problem(where, "the stack runs production settings")
    migrate = services.get("migrate") or {}
    if migrate.get("command") != ["migrate"] or (migrate.get("deploy") or {}).get("mode") != "replicated-job":
        problem(where, "the migrate service must be a replicated-job running migrate")
    if migrate.get("image") != floe.get("image"):
        problem(where, "migrate and floe must use the same image")
    for name in ("redis", "opensearch"):
        if name not in services:
            problem(where, f"no {name} service (the guide links elasticsearch and redis)")
    print(f"check-deploy: stack: {len(services)} services, start-first updates with rollback")


def check_workflow():
    where = ".github/workflows/release.yml"
    doc = load_yaml(os.path.join(ROOT, ".github", "workflows", "release.yml"))
    on = doc.get(True, doc.get("on"))  # YAML 1.1 reads the key `on` as true
    if not on or "push" not in on:
        problem(where, "does not run on push")
    jobs = doc.get("jobs", {})
    before = len(problems)
    for name in ("test", "image", "deploy"):
        if name not in jobs:
            problem(where, f"no {name} job")
    if len(problems) > before:
        return
    needs = lambda job: [jobs[job].get("needs")] if isinstance(jobs[job].get("needs"), str) else jobs[job].get("needs", [])
    if "test" not in needs("image"):
        problem(where, "the image job must need the test job (push only after the tests pass)")
    if "image" not in needs("deploy"):
        problem(where, "the deploy job must need the image job")
    steps = jobs["image"]["steps"]
    text = [yaml.safe_dump(s, width=100000) for s in steps]
    push_at = next((i for i, t in enumerate(text) if "docker push" in t), None)
    smoke_at = next((i for i, t in enumerate(text) if " smoke " in t), None)
    migrate_at = next((i for i, t in enumerate(text) if "candidate migrate" in t), None)
    if push_at is None or smoke_at is None or migrate_at is None:
        problem(where, "the image job must migrate, smoke-test and push")
    elif not migrate_at < smoke_at < push_at:
        problem(where, "the image job must migrate, then smoke-test, then push")
    if push_at is not None and "GITHUB_SHA" not in text[push_at]:
        problem(where, "the image must be pushed with the full commit hash as a tag")
    services = jobs["image"].get("services", {})
    if "postgres" not in services or "redis" not in services:
        problem(where, "the image job needs postgres and redis service containers")
    deploy_text = yaml.safe_dump(jobs["deploy"], width=100000)
    if "stack deploy" not in deploy_text and "helm upgrade" not in deploy_text:
        problem(where, "the deploy job neither updates the stack nor upgrades the chart")
    print("check-deploy: workflow: test -> image (migrate, smoke, push) -> deploy")


def check_dockerfile():
    where = "deploy/Dockerfile"
    text = open(os.path.join(ROOT, "deploy", "Dockerfile")).read()
    lines = [l for l in text.split("\n") if l and not l.startswith("#")]
    joined = "\n".join(lines)
    froms = [l for l in lines if l.startswith("FROM ")]
    if len(froms) < 2:
        problem(where, "not multi-stage")
    for needle, why in [("ARG BASE_IMAGE=eclipse-temurin:25-jre", "the runtime base must default to eclipse-temurin:25-jre"),
                        ("FROM ${BASE_IMAGE}", "the runtime stage must be FROM ${BASE_IMAGE}"),
                        ("mvnw", "the build stage must build with the Maven wrapper"),
                        ("VOLUME /opt/floe/var", "no VOLUME /opt/floe/var"),
                        ("FLOE_VAR_DIR=/opt/floe/var", "FLOE_VAR_DIR is not /opt/floe/var"),
                        ("EXPOSE 8080", "no EXPOSE 8080"),
                        ("WORKDIR /opt/floe", "WORKDIR is not /opt/floe"),
                        ("HEALTHCHECK", "no HEALTHCHECK"),
                        ('ENTRYPOINT ["', "ENTRYPOINT must be in exec form"),
                        ("org.opencontainers.image.revision", "no OCI revision label"),
                        ("org.opencontainers.image.created", "no OCI created label"),
                        ("FLOE_COMMIT=", "no FLOE_COMMIT in the environment")]:
        if needle not in joined:
            problem(where, why)
    users = [l.split(None, 1)[1] for l in lines if l.startswith("USER ")]
    if not users or users[-1].split(":")[0] in ("root", "0"):
        problem(where, "the image must end with a non-root USER")
    ignore = open(os.path.join(ROOT, ".dockerignore")).read()
    for needed in ("!pom.xml", "!mvnw", "!.mvn/", "!src/", "!deploy/image/", "!site-template/"):
        if needed not in ignore:
            problem(".dockerignore", f"leaves out {needed[1:]}, which the build stage copies")
    print("check-deploy: Dockerfile: multi-stage, non-root, volume, healthcheck, exec entry point, OCI labels")


def main():
    for check in (check_chart, check_compose, check_stack, check_workflow, check_dockerfile):
        try:
            check()
        except Exception as e:  # a file so broken that a check could not even walk it
            problem(check.__name__, f"{type(e).__name__}: {e}")
    if problems:
        for p in problems:
            print(f"check-deploy: PROBLEM {p}", file=sys.stderr)
        sys.exit(1)
    print("check-deploy: all deployment files passed")


if __name__ == "__main__":
    main()
