#!/bin/sh
# install-deps.sh - installs, from Debian's archive, what stallcheck needs to
# build and test: LLVM/Clang 22 (libclang, the plugin headers, clangd, lit
# and FileCheck), jansson, CMake and Ninja, and the real library headers the
# tests compile against.  Does nothing when everything is there.
set -eu

PACKAGES="llvm-22-dev libclang-22-dev clang-22 clangd-22 llvm-22-tools libjansson-dev
cmake ninja-build pkg-config python3 libuv1-dev libevent-dev libev-dev libglib2.0-dev
libcurl4-openssl-dev libpq-dev libhiredis-dev libsqlite3-dev libsystemd-dev zlib1g-dev
libssl-dev opencl-headers"

missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

echo "install-deps: installing$missing" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
# shellcheck disable=SC2086 # the list is split on purpose
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
