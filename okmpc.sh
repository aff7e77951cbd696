#!/usr/bin/env bash
# okmpc build driver. On a fresh Debian 12 machine (as root):
#   ./okmpc.sh demo    install what is missing, build (Release), run `okmpc demo`
#   ./okmpc.sh test    install what is missing, build (Debug, ASan+UBSan), run every test
# Other verbs: setup (packages only), build [debug|release], bench [args...], okmpc [args...]
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

PACKAGES=(
  build-essential cmake ninja-build pkg-config ccache git
  libsecp256k1-dev libsodium-dev libgmp-dev
  libboost1.81-dev libboost-json1.81-dev libexpected-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libsqlite3-dev libcrypto++-dev libssl-dev
  gnuplot-nox valgrind clang libclang-rt-14-dev
)

log() { printf '[okmpc] %s\n' "$*" >&2; }

setup() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]} == 0)); then
    log "all packages present"
    return
  fi
  log "installing: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { log "not root and no sudo: install ${missing[*]} by hand"; exit 1; }
    sudo=sudo
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# ccache (installed by setup) shares compiled objects between checkouts of the
# project: paths are made relative to the checkout, the working directory is not hashed.
export CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=1

build() {  # build debug|release [targets...]
  local kind=$1 type dir san
  shift
  local targets=()
  (($# > 0)) && targets=(--target "$@")
  case "$kind" in
    debug) type=Debug san=ON ;;
    release) type=Release san=OFF ;;
    *) log "unknown build kind $kind"; exit 2 ;;
  esac
  dir="$ROOT/build/$kind"
  cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=$type -DOKMPC_SANITIZE=$san >/dev/null
  cmake --build "$dir" "${targets[@]}" -- -j"${OKMPC_JOBS:-$(nproc)}"
}

# Hardening checks (tests/fuzz, tests/ctime), each in its own build tree:
# libFuzzer targets built with clang run OKMPC_FUZZ_SECONDS each (label
# fuzz), and the constant-time check runs under valgrind (label ctime).
harden() {
  local jobs=${OKMPC_JOBS:-$(nproc)} status=0
  cmake -S "$ROOT/tests/fuzz" -B "$ROOT/build/fuzz" -G Ninja -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DOKMPC_FUZZ_SECONDS="${OKMPC_FUZZ_SECONDS:-20}" >/dev/null
  cmake --build "$ROOT/build/fuzz" -- -j"$jobs"
  (cd "$ROOT/build/fuzz" && ctest --output-on-failure -L fuzz) || status=1
  cmake -S "$ROOT/tests/ctime" -B "$ROOT/build/ctime" -G Ninja >/dev/null
  cmake --build "$ROOT/build/ctime" -- -j"$jobs"
  (cd "$ROOT/build/ctime" && ctest --output-on-failure -L ctime -j"$jobs") || status=1
  return $status
}

verb=${1:-help}
shift || true
case "$verb" in
  setup) setup ;;
  demo)
    setup
    build release okmpc
    exec "$ROOT/build/release/apps/okmpc" demo "$@"
    ;;
  test)
    setup
    build debug
    status=0
    (cd "$ROOT/build/debug" && ctest --output-on-failure -j"${OKMPC_TEST_JOBS:-$(nproc)}" "$@") || status=1
    harden || status=1
    exit $status
    ;;
  build) setup; build "${1:-release}" ;;
  bench)
    setup
    build release okmpc_bench
    exec "$ROOT/build/release/bench/okmpc_bench" "$@"
    ;;
  okmpc)
    setup >/dev/null
    build release okmpc >/dev/null
    exec "$ROOT/build/release/apps/okmpc" "$@"
    ;;
  *)
    sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
    [ "$verb" = help ] || exit 2
    ;;
esac
