#!/usr/bin/env bash
# Installs what the tests and the local demo need beyond the .NET SDK, idempotently: kubectl must exist (the machine
# image ships its dispatcher); Azurite and MailDev (the SMTP sink of the approval e-mail tests and the demo) come from npm,
# pinned in package.json / package-lock.json (installed once).
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
exit 0
