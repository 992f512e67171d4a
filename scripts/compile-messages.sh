#!/usr/bin/env bash
# Compile the translations (.po -> .mo) if the project has any; installs gettext's msgfmt if missing.
set -euo pipefail
manage=${MANAGE:-.venv/bin/python manage.py}

if [ -z "$(find corridor -name '*.po' -print -quit)" ]; then
  exit 0
fi
if ! command -v msgfmt >/dev/null 2>&1; then
  "$(dirname "$0")/apt-install.sh" gettext
fi
# compilemessages walks the whole tree: leave the virtualenv and data directory alone.
$manage compilemessages --ignore=.venv --ignore=var --ignore=node_modules --verbosity=0
