#!/usr/bin/env bash
# Browser tests drive Debian's Chromium through playwright-core (no browser is downloaded), and read
# printed PDFs back as text with Debian's poppler-utils (pdftotext), so that a test of printed output
# checks what is on the paper. Installs what is missing when we are allowed to (root, as on CI and
# the dev machines).
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-dejavu-core)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "Browser tests need Debian's ${missing[*]}: run 'sudo apt-get install -y ${missing[*]}' once." >&2
  exit 1
fi
echo "Installing Debian's ${missing[*]} for the browser tests…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq "${missing[@]}" >/dev/null
