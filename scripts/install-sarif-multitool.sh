#!/bin/sh
# install-sarif-multitool.sh - installs Microsoft's SARIF Multitool (npm
# package @microsoft/sarif-multitool) into .tools/, where the SARIF tests
# find it.  Needs node and npm (installed from Debian when missing).
set -eu
cd "$(dirname "$0")/.."
tool=.tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if [ ! -x "$tool" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
  fi
  mkdir -p .tools
  npm install --silent --no-audit --no-fund --prefix .tools @microsoft/sarif-multitool >/dev/null
  # npm may skip the package's postinstall step that makes it executable.
  chmod u+x "$tool"
fi
"$tool" --version >/dev/null 2>&1 || { echo "install-sarif-multitool: $tool does not run" >&2; exit 1; }
