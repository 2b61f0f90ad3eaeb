#!/usr/bin/env bash
# Sets up a fresh machine for Crossread: Debian's Chromium and Firefox ESR (the browsers the tests and `npm start`
# drive; test tools cannot download their own browsers here) and the npm dependencies, exactly as locked.
set -euo pipefail
cd "$(dirname "$0")/.."

need_browsers() {
  command -v chromium >/dev/null 2>&1 || return 0
  command -v firefox-esr >/dev/null 2>&1 || return 0
  # Firefox ESR before 142 refuses the manifest's data_collection_permissions; Chromium before 140 has no
  # highlightsFromPoint. Older packages mean the package lists were stale: update and upgrade.
  local ff
  ff=$(firefox-esr --version 2>/dev/null | grep -oE '[0-9]+' | head -1 || echo 0)
  [ "${ff:-0}" -lt 142 ] && return 0
  return 1
}

if need_browsers; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup: installing Debian's chromium and firefox-esr (about 1 GB)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium firefox-esr >/dev/null
fi
echo "setup: $(chromium --version 2>/dev/null | head -1); $(firefox-esr --version 2>/dev/null)"

npm ci --no-audit --no-fund
