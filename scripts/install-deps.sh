#!/bin/sh
# install-deps.sh - installs with apt-get what stallcheck needs to build and
# test: LLVM/Clang 22 (libclang, the plugin headers, clangd, lit and
# FileCheck), jansson, CMake, Ninja, Meson (for the build-integration tests),
# bear and GNU time (for bench/), node and
# npm (for the SARIF Multitool), and the real library headers the tests
# compile against.
#
# Idempotent and quick: when every package is installed it returns at once,
# without touching apt.  Runs apt through sudo when not root.
#
# LLVM 22 is not in Debian 12's main archive.  This script looks for it in the
# sources apt already has; when no source offers clang-22 it adds, in turn,
# the Debian security archive of this release (where the project's machines
# get LLVM 22) and then apt.llvm.org's llvm-toolchain-<codename>-22, and
# installs from the first that has it.
set -eu

PACKAGES="llvm-22-dev libclang-22-dev clang-22 clangd-22 llvm-22-tools libclang-rt-22-dev libjansson-dev
cmake ninja-build meson pkg-config python3 bear time libuv1-dev libevent-dev libev-dev libglib2.0-dev
libcurl4-openssl-dev libpq-dev libhiredis-dev libsqlite3-dev libsystemd-dev zlib1g-dev
libssl-dev opencl-headers"

# One dpkg-query for all packages: prints the installed ones.
# shellcheck disable=SC2086 # the list is split on purpose
installed=$(dpkg-query -W -f='${Package} ${Status}\n' $PACKAGES 2>/dev/null |
  awk '$NF == "installed" { print $1 }')
missing=""
for p in $PACKAGES; do
  echo "$installed" | grep -qx "$p" || missing="$missing $p"
done
# node and npm may come from another packaging of Node.js than Debian's
# (Debian's npm package would fight it): only the commands matter.
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
[ -z "$missing" ] && exit 0

echo "install-deps: installing$missing" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive

# Where apt keeps its source lists; apt-config honours APT_CONFIG.
eval "$(apt-config shell SOURCE_PARTS Dir::Etc::sourceparts/d)"
# shellcheck disable=SC1091 # the system's, not ours
. /etc/os-release
codename=${VERSION_CODENAME:?install-deps: /etc/os-release names no VERSION_CODENAME}

apt_update() { $SUDO apt-get update -qq; }

has_clang22() {
  candidate=$(apt-cache policy clang-22 2>/dev/null | awk '/Candidate:/ { print $2 }')
  [ -n "$candidate" ] && [ "$candidate" != "(none)" ]
}

# True when apt already reads binary packages from <repo-uri> <suite>.
has_source() {
  # shellcheck disable=SC2016 # apt expands $(...) in --format itself
  apt-get indextargets --no-release-info 'Created-By: Packages' --format '$(REPO_URI) $(RELEASE)' |
    grep -q "^$1/* $2\$"
}

# add_source <file name> <deb822 stanza>: written atomically next to the
# system's own source lists.
add_source() {
  echo "install-deps: adding the apt source $SOURCE_PARTS$1" >&2
  printf '%s\n' "$2" | $SUDO tee "$SOURCE_PARTS$1.tmp" >/dev/null
  $SUDO mv "$SOURCE_PARTS$1.tmp" "$SOURCE_PARTS$1"
}

add_debian_security() {
  has_source http://deb.debian.org/debian-security "$codename-security" && return 1
  add_source stallcheck-debian-security.sources "Types: deb
URIs: http://deb.debian.org/debian-security
Suites: $codename-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg"
}

add_apt_llvm_org() {
  keyring=/etc/apt/keyrings/apt.llvm.org.asc
  key_url=https://apt.llvm.org/llvm-snapshot.gpg.key
  if [ ! -s "$keyring" ]; then
    $SUDO mkdir -p /etc/apt/keyrings
    if command -v curl >/dev/null 2>&1; then
      curl -fsSL "$key_url" | $SUDO tee "$keyring" >/dev/null
    elif command -v wget >/dev/null 2>&1; then
      wget -qO- "$key_url" | $SUDO tee "$keyring" >/dev/null
    fi
    if [ ! -s "$keyring" ]; then
      $SUDO rm -f "$keyring"
      echo "install-deps: cannot fetch $key_url (needs curl or wget and the network)" >&2
      return 1
    fi
  fi
  add_source stallcheck-llvm-22.sources "Types: deb
URIs: http://apt.llvm.org/$codename/
Suites: llvm-toolchain-$codename-22
Components: main
Signed-By: $keyring"
}

apt_update
if ! has_clang22; then
  for add in add_debian_security add_apt_llvm_org; do
    if $add; then
      apt_update
      has_clang22 && break
    fi
  done
  if ! has_clang22; then
    echo "install-deps: no apt source offers clang-22; add one that has LLVM 22 (apt.llvm.org:" \
      "llvm-toolchain-$codename-22) and run this again" >&2
    exit 1
  fi
fi

# shellcheck disable=SC2086 # the list is split on purpose
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
echo "install-deps: done" >&2
