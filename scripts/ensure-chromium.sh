#!/usr/bin/env bash
# The browser tests drive Debian's Chromium at /usr/bin/chromium. Install it when missing;
# Playwright never downloads a browser of its own here.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
"$(dirname "$0")/apt-install.sh" chromium
[ -x /usr/bin/chromium ] || { echo "error: /usr/bin/chromium still missing after install" >&2; exit 1; }
