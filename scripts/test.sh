#!/usr/bin/env bash
# The test command (README "Run it, test it"): installs what the tests need and a fresh machine lacks,
# then runs every test of the solution. Today that is Debian's Chromium, which the browser tests drive
# through Playwright (Playwright cannot download browsers here). Arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM="${CLEANGAMES_CHROMIUM:-/usr/bin/chromium}"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "scripts/test.sh: need root (or sudo) to install Debian packages: $*" >&2
    return 1
  fi
}

if [ ! -x "$CHROMIUM" ]; then
  echo "scripts/test.sh: installing Debian's chromium for the browser tests" >&2
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi

export CLEANGAMES_CHROMIUM="$CHROMIUM"
dotnet test CleanGames.sln "$@"
