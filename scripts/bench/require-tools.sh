# Sourced by the benchmark scripts: installs the Debian packages whose commands are missing, so
# that a benchmark runs on a fresh machine (hyperfine, wrk, lua5.4 are not in a base image).
# usage: bench_require COMMAND:PACKAGE ...
bench_require() {
    local missing=() pair
    for pair in "$@"; do
        command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
    done
    ((${#missing[@]} == 0)) && return 0
    echo "benchmarks: installing ${missing[*]}" >&2
    local sudo=()
    [[ $(id -u) -ne 0 ]] && sudo=(sudo)
    "${sudo[@]}" apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
    for pair in "$@"; do
        command -v "${pair%%:*}" >/dev/null || { echo "benchmarks: ${pair%%:*} is still missing" >&2; return 1; }
    done
}

# Puts the folder of the real Python interpreter first on PATH, so that `python3` and the
# `aws` entry script start directly instead of through a version manager's shim (pyenv's
# shims are bash scripts that add 60-80 ms and their own CPU time to every run), and says
# which executables the benchmark runs.
bench_use_real_executables() {
    local real
    real=$(python3 -c 'import os, sys; print(os.path.realpath(sys.executable))')
    PATH="$(dirname "$real"):$PATH"
    export PATH
    hash -r
    echo "benchmarks: python3 is $(command -v python3) -> $real; aws is $(command -v aws || echo missing); lua5.4 is $(command -v lua5.4 || echo missing)" >&2
}
