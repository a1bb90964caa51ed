#!/usr/bin/env bash
# Browser tests drive Debian's Chromium through playwright-core (no browser is downloaded).
# Installs it when missing and we are allowed to (root, as on CI and the dev machines).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "Browser tests need Debian's chromium: run 'sudo apt-get install -y chromium' once." >&2
  exit 1
fi
echo "Installing Debian's chromium for the browser tests…" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
