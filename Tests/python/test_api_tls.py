"""TLS verification of `ccs api`: a loopback HTTPS server whose self-signed certificate is not
trusted must be refused, and accepted once AWS_CA_BUNDLE names that certificate."""

import datetime
import ipaddress
import json
import os
import ssl
import subprocess
import threading

import pytest

# The certificate is made at test time; `cryptography` is not among the packages
# scripts/install-deps.sh installs, so the module is skipped (with this reason) where it is absent.
pytest.importorskip("cryptography", reason="the TLS tests need the cryptography package to make a certificate")
from cryptography import x509  # noqa: E402
from cryptography.hazmat.primitives import hashes, serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec  # noqa: E402
from cryptography.x509.oid import NameOID  # noqa: E402

from signing_server import ACCESS_KEY, REGION, SECRET_KEY, SESSION_TOKEN, CloudControlStandIn

CCS = os.environ.get("CCS_BIN", "ccs")


def self_signed(directory):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256()))
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@pytest.fixture
def tls_server(tmp_path):
    cert, key = self_signed(tmp_path)
    server = CloudControlStandIn()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server, cert
    server.shutdown()
    server.server_close()


def run(server, cert, tmp_path, ca_bundle):
    env = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    (tmp_path / "empty").write_text("")
    env.update({"HOME": str(tmp_path), "AWS_ACCESS_KEY_ID": ACCESS_KEY, "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
                "AWS_SESSION_TOKEN": SESSION_TOKEN, "AWS_REGION": REGION, "AWS_EC2_METADATA_DISABLED": "true",
                "AWS_CONFIG_FILE": str(tmp_path / "empty"), "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "empty"),
                "AWS_MAX_ATTEMPTS": "1"})
    if ca_bundle:
        env["AWS_CA_BUNDLE"] = str(cert)
    port = server.server_address[1]
    return subprocess.run([CCS, "api", "GetResource", json.dumps({"TypeName": "AWS::Logs::LogGroup", "Identifier": "x"}),
                           "--endpoint-url", f"https://127.0.0.1:{port}"], env=env, capture_output=True, text=True, timeout=60)


def test_untrusted_certificate_is_refused(tls_server, tmp_path):
    server, cert = tls_server
    result = run(server, cert, tmp_path, ca_bundle=False)
    assert result.returncode == 255
    assert "TLS failure" in result.stderr
    assert f"127.0.0.1:{server.server_address[1]}" in result.stderr
    assert server.log == []


def test_ca_bundle_makes_the_certificate_trusted(tls_server, tmp_path):
    server, cert = tls_server
    result = run(server, cert, tmp_path, ca_bundle=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["ResourceDescription"]["Identifier"] == "x"
