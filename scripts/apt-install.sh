#!/usr/bin/env bash
# Install Debian packages, as root or through sudo.
#
#   scripts/apt-install.sh chromium
#
# Tries the install first; refreshes the package lists and tries again only if that fails
# (a new machine may have stale or empty lists).
set -euo pipefail
[ "$#" -gt 0 ] || { echo "usage: scripts/apt-install.sh PACKAGE..." >&2; exit 2; }

if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: apt-get not found; install these packages by hand: $*" >&2
  exit 1
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
  else
    echo "error: need root (or sudo) to install: $*" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
echo "==> Installing Debian packages: $*"
if ! "${sudo[@]}" apt-get install -y -q "$@"; then
  echo "==> apt-get install failed; refreshing the package lists and retrying"
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q "$@"
fi
