"""The nginx configuration that deploy/replicas.py generates: sticky, websockets, checked by nginx."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from deploy import replicas
from tests.e2e.serve import ROOT

PORTS = [8611, 8612, 8613]


def conf(tmp_path: Path, ports=PORTS, port=8600, listen="127.0.0.1") -> str:
    return replicas.nginx_conf(ports, port, tmp_path, listen=listen)


def location(text: str) -> str:
    return text.split("location / {", 1)[1].split("}", 1)[0]


def test_every_replica_is_an_upstream_of_a_consistent_cookie_hash(tmp_path):
    text = conf(tmp_path)
    upstream = text.split("upstream pizarra {", 1)[1].split("}", 1)[0]
    servers = re.findall(r"server 127\.0\.0\.1:(\d+)", upstream)
    assert [int(s) for s in servers] == PORTS
    assert "hash $pizarra_key consistent;" in upstream
    assert "ip_hash" not in text  # one NAT address for a whole class would pin it to one replica
    # The key is nginx's own cookie when the browser has one, else this request's id, and the
    # cookie nginx sets on that first request carries the same id: both hash alike.
    key_map = text.split("map $cookie_pizarra_replica $pizarra_key {", 1)[1].split("}", 1)[0]
    assert re.search(r'""\s+\$request_id;', key_map)
    assert re.search(r"default\s+\$cookie_pizarra_replica;", key_map)
    set_map = text.split("map $cookie_pizarra_replica $pizarra_set_cookie {", 1)[1].split("}")[0]
    assert re.search(r'""\s+"pizarra_replica=\$request_id; Path=/;', set_map)
    assert re.search(r'default\s+"";', set_map)  # a browser with the cookie keeps it
    assert "add_header Set-Cookie $pizarra_set_cookie always;" in location(text)


def test_websockets_are_proxied_with_long_timeouts(tmp_path):
    loc = location(conf(tmp_path))
    assert "proxy_http_version 1.1;" in loc
    assert "proxy_set_header Upgrade $http_upgrade;" in loc
    assert "proxy_set_header Connection $connection_upgrade;" in loc
    for name in ("proxy_read_timeout", "proxy_send_timeout"):
        seconds = int(re.search(rf"{name} (\d+)s;", loc).group(1))
        assert seconds >= 8 * 3600, f"{name} {seconds} s would drop an idle tab within a lecture"


def test_listens_where_asked_and_keeps_files_in_the_run_dir(tmp_path):
    text = conf(tmp_path, port=8700, listen="0.0.0.0")
    assert re.findall(r"listen ([\d.]+):(\d+);", text) == [("0.0.0.0", "8700")]
    paths = re.findall(r"(?:pid|error_log|access_log|_temp_path) (\S+?)[;\s]", text)
    assert len(paths) == 8
    assert all(p.startswith(str(tmp_path)) for p in paths), paths
    upload = re.search(
        r"^maxUploadSize = (\d+)$", (ROOT / ".streamlit/config.toml").read_text(), re.M
    )
    assert f"client_max_body_size {upload.group(1)}m;" in text


@pytest.mark.parametrize(
    ("ports", "port"), [([], 8600), ([8611, 8611], 8600), ([8611, 8612], 8612)]
)
def test_bad_ports_are_refused(tmp_path, ports, port):
    with pytest.raises(ValueError, match="port"):
        replicas.nginx_conf(ports, port, tmp_path)


def test_replicas_bind_loopback_only():
    cmd = replicas.streamlit_cmd("python", 8611)
    assert cmd[cmd.index("--server.address") + 1] == "127.0.0.1"
    assert cmd[cmd.index("--server.port") + 1] == "8611"
    assert cmd[cmd.index("run") + 1] == "app.py"


def test_nginx_accepts_the_configuration(tmp_path):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        pytest.fail("nginx is missing: `make nginx` installs it (apt-get install nginx-light)")
    (tmp_path / "tmp").mkdir()
    path = tmp_path / "nginx.conf"
    path.write_text(conf(tmp_path))
    out = subprocess.run(
        [nginx, "-t", "-p", str(tmp_path), "-c", str(path)], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert "syntax is ok" in out.stderr
