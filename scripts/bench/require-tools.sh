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
