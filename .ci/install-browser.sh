#!/bin/sh
# Installs Debian's Chromium for the viewer's browser tests (tests/viewer/e2e)
# and benchmark (bench/viewer.ts). Does nothing when it is already there.
set -eu
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium
/usr/bin/chromium --version
