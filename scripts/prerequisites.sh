#!/usr/bin/env bash
# Installs what the tests and the local demo need beyond the .NET SDK, idempotently: kubectl must exist (the machine
# image ships its dispatcher); Azurite and MailDev (the SMTP sink of the approval e-mail tests and the demo) come from npm,
# pinned in package.json / package-lock.json (installed once); Debian's chromium drives the approval page tests
# (Playwright never downloads a browser here).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! command -v kubectl >/dev/null 2>&1; then
  echo "prerequisites: kubectl is not on PATH; the end-to-end tests need the real kubectl" >&2
  exit 1
fi
if [[ ! -f "$root/node_modules/azurite/dist/src/table/main.js" || ! -f "$root/node_modules/maildev/dist/bin/maildev.js" ]]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "prerequisites: npm is not on PATH; Azurite (the journal's local Table service) and MailDev (the local SMTP sink) need Node.js" >&2
    exit 1
  fi
  (cd "$root" && npm ci --no-audit --no-fund >&2)
fi
if [[ ! -x /usr/bin/chromium ]]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "prerequisites: /usr/bin/chromium is missing and apt-get is not available; the approval page tests need Debian's chromium" >&2
    exit 1
  fi
  sudo_cmd=()
  if [[ "$(id -u)" != "0" ]]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y --no-install-recommends chromium >&2
fi
exit 0
