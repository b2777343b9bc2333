"""The container setup (Dockerfile, deploy/compose.yaml, deploy/k8s/) read as data.

No docker daemon or cluster here: these check what a build or an apply would rely on (the pins
match requirements.txt, the files a mount or build needs exist, probes, affinity, websockets).
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
import yaml

from deploy import replicas
from tests.e2e.serve import ROOT

DOCKERFILE = (ROOT / "Dockerfile").read_text()
DEPLOY = ROOT / "deploy"


def pins() -> dict[str, str]:
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    return dict(ln.split("==") for ln in lines if "==" in ln and not ln.startswith("#"))


def test_dockerfile_installs_every_pin_with_cpu_only_torch():
    assert re.search(r"^FROM python:3\.11-slim$", DOCKERFILE, re.M)
    p = pins()
    assert f"torch=={p['torch']}+cpu" in DOCKERFILE
    assert f"torchvision=={p['torchvision']}+cpu" in DOCKERFILE
    assert "--extra-index-url https://download.pytorch.org/whl/cpu" in DOCKERFILE
    # The grep that drops torch lines keeps every other pin of requirements.txt.
    grep = re.search(r"grep -v (.*?) requirements\.txt", DOCKERFILE).group(1)
    patterns = re.findall(r"-e '\^([^']+)'", grep)
    kept = {name for name in p if not any(name.startswith(x) for x in patterns)}
    assert kept == set(p) - {"torch", "torchvision"}


def test_dockerfile_runs_the_app_as_a_user_with_a_health_check():
    users = re.findall(r"^USER (\S+)$", DOCKERFILE, re.M)
    assert users and users[-1] not in {"0", "root"}
    uid = re.search(r"useradd .*--uid (\d+)", DOCKERFILE).group(1)
    assert users[-1] == uid
    assert re.search(r"^HEALTHCHECK .*\n?.*/_stcore/health", DOCKERFILE, re.M)
    cmd = re.search(r"^CMD (\[.*?\])$", DOCKERFILE, re.M | re.S).group(1)
    args = yaml.safe_load(cmd.replace("\\\n", ""))  # a JSON array
    assert args[:4] == ["python", "-m", "streamlit", "run"] and "app.py" in args
    assert args[args.index("--server.port") + 1] == "8501"


def test_dockerignore_keeps_the_app_and_drops_the_rest():
    ignored = {ln.strip() for ln in (ROOT / ".dockerignore").read_text().splitlines() if ln.strip()}
    assert {".git", ".venv", ".venv-cpu", "tests", ".run"} <= ignored
    needed = ["app.py", "core", "ui", "pages", ".streamlit", "requirements.txt"]
    assert not ignored & set(needed)
    assert all((ROOT / n).exists() for n in needed)


def test_compose_builds_the_image_and_puts_nginx_in_front():
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    app, proxy = compose["services"]["app"], compose["services"]["proxy"]
    assert (DEPLOY / app["build"]["context"] / app["build"]["dockerfile"]).resolve() == (
        ROOT / "Dockerfile"
    )
    assert app["deploy"]["replicas"] >= 2
    assert "8501" in app["expose"] and "ports" not in app  # only nginx is reachable
    assert "STREAMLIT_SERVER_COOKIE_SECRET" in app["environment"]
    assert proxy["depends_on"]["app"]["condition"] == "service_healthy"
    source, target, _ = proxy["volumes"][0].split(":")
    assert (DEPLOY / source).is_file() and target.startswith("/etc/nginx/conf.d/")
    for mount in app["volumes"]:
        assert mount.split(":")[0] in compose["volumes"]


def test_compose_nginx_config_is_the_tested_proxy():
    assert (DEPLOY / "nginx" / "pizarra.conf").read_text() == replicas.snippet(), (
        "regenerate it: python deploy/replicas.py snippet > deploy/nginx/pizarra.conf"
    )
    assert "server app:8501 " in replicas.snippet()


def k8s() -> dict[str, dict]:
    docs = {}
    for path in sorted((DEPLOY / "k8s").glob("*.yaml")):
        for doc in yaml.safe_load_all(path.read_text()):
            docs[doc["kind"]] = doc
    return docs


def test_k8s_deployment_service_and_ingress_fit_together():
    d = k8s()
    assert set(d) == {"Kustomization", "Deployment", "Service", "Ingress"}
    assert set(d["Kustomization"]["resources"]) == {
        "deployment.yaml",
        "service.yaml",
        "ingress.yaml",
    }
    pod = d["Deployment"]["spec"]["template"]
    assert (
        d["Deployment"]["spec"]["selector"]["matchLabels"].items()
        <= pod["metadata"]["labels"].items()
    )
    assert d["Service"]["spec"]["selector"].items() <= pod["metadata"]["labels"].items()
    uid = re.search(r"useradd .*--uid (\d+)", DOCKERFILE).group(1)
    assert pod["spec"]["securityContext"]["runAsNonRoot"] is True
    assert str(pod["spec"]["securityContext"]["runAsUser"]) == uid
    (container,) = pod["spec"]["containers"]
    port = container["ports"][0]
    assert port["containerPort"] == 8501
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"] == {"path": "/_stcore/health", "port": port["name"]}
    env = {e["name"]: e for e in container["env"]}
    assert "secretKeyRef" in env["STREAMLIT_SERVER_COOKIE_SECRET"]["valueFrom"]
    svc = d["Service"]["spec"]
    assert svc["sessionAffinity"] == "ClientIP"
    assert svc["ports"][0]["targetPort"] == port["name"]
    notes = d["Ingress"]["metadata"]["annotations"]
    prefix = "nginx.ingress.kubernetes.io/"
    assert notes[prefix + "affinity"] == "cookie"
    for name in ("proxy-read-timeout", "proxy-send-timeout"):
        assert int(notes[prefix + name]) >= 8 * 3600
    backend = d["Ingress"]["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
    assert backend["name"] == d["Service"]["metadata"]["name"]
    assert backend["port"]["name"] == svc["ports"][0]["name"]


def test_kustomize_renders_the_manifests():
    if not shutil.which("kubectl"):
        pytest.skip("kubectl is not installed (the YAML checks above still ran)")
    out = subprocess.run(
        ["kubectl", "kustomize", str(DEPLOY / "k8s")], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    kinds = [doc["kind"] for doc in yaml.safe_load_all(out.stdout)]
    assert sorted(kinds) == ["Deployment", "Ingress", "Service"]


def test_pyproject_for_uv_pins_what_requirements_pins_and_takes_only_torch_from_the_cpu_index():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    declared = dict(d.split("==") for d in project["project"]["dependencies"])
    assert declared == pins()
    (index,) = project["tool"]["uv"]["index"]
    assert index["explicit"] is True  # first-index would otherwise take numpy etc. from it
    extra = [
        ln.split()[1]
        for ln in (ROOT / "requirements.txt").read_text().splitlines()
        if ln.startswith("--extra-index-url")
    ]
    assert extra == [index["url"]]
    sources = project["tool"]["uv"]["sources"]
    assert sources == {name: {"index": index["name"]} for name in ("torch", "torchvision")}
