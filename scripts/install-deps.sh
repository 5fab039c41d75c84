#!/usr/bin/env bash
# Installs what ccs needs on a fresh Debian 12 machine and is missing: the C libraries it links
# (libcurl, libcrypto, libedit, SQLite), tmux (the REPL tests drive a terminal through it) and
# the Python packages its test suites use.
# Idempotent: installs nothing when everything is present.
set -euo pipefail

needed=(libedit-dev libcurl4-openssl-dev libssl-dev libsqlite3-dev tmux)
missing=()
for package in "${needed[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if ((${#missing[@]})); then
    echo "installing: ${missing[*]}" >&2
    if [[ $(id -u) -eq 0 ]]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python_needed=(boto3 botocore awscli pytest cfn-lint pytest-lsp)
python_missing=()
for package in "${python_needed[@]}"; do
    python3 -m pip show "$package" >/dev/null 2>&1 || python_missing+=("$package")
done
if ((${#python_missing[@]})); then
    echo "installing Python packages: ${python_missing[*]}" >&2
    python3 -m pip install -q "${python_missing[@]}"
fi
