#!/usr/bin/env bash
# Installs what the tests and the local demo need beyond the .NET SDK, idempotently. Later issues add Azurite (npm),
# Chromium (Debian) and an SMTP sink here; today: kubectl must exist (the machine image ships its dispatcher).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! command -v kubectl >/dev/null 2>&1; then
  echo "prerequisites: kubectl is not on PATH; the end-to-end tests need the real kubectl" >&2
  exit 1
fi
exit 0
