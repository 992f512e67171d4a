#!/usr/bin/env bash
# Make sure .venv exists and holds what a requirements file asks for.
#
#   scripts/ensure-venv.sh requirements.txt
#
# pip runs only when the file (or a file it includes with `-r`) changed since the last install:
# a stamp inside the venv keeps the hash of what was installed, so a second run costs nothing.
set -euo pipefail

req=${1:?usage: scripts/ensure-venv.sh REQUIREMENTS_FILE}
venv=${VENV:-.venv}
python=${PYTHON:-python3.11}

# The file's hash, with the files it includes (`-r other.txt`, relative to it).
digest() {
  local file=$1 dir inc
  dir=$(dirname "$file")
  {
    cat "$file"
    sed -n 's/^-r[[:space:]]*//p' "$file" | while read -r inc; do cat "$dir/$inc"; done
  } | sha256sum | cut -d' ' -f1
}

stamp_of() { echo "$venv/.installed-$(basename "$1").sha256"; }

if [ ! -x "$venv/bin/python" ]; then
  if ! command -v "$python" >/dev/null 2>&1; then
    echo "error: $python not found. Corridor needs Python 3.11 (set PYTHON=... to use another)." >&2
    exit 1
  fi
  echo "==> Creating $venv with $("$python" --version 2>&1)"
  "$python" -m venv "$venv"
fi

hash=$(digest "$req")
stamp=$(stamp_of "$req")
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ]; then
  exit 0
fi

echo "==> Installing $req into $venv (first run, or the requirements changed)"
"$venv/bin/python" -m pip install --disable-pip-version-check --quiet -r "$req"
echo "$hash" >"$stamp"
# Files included with -r are installed now too: stamp them so they are not installed again.
sed -n 's/^-r[[:space:]]*//p' "$req" | while read -r inc; do
  included="$(dirname "$req")/$inc"
  digest "$included" >"$(stamp_of "$included")"
done
