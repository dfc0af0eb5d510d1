#!/usr/bin/env bash
# Publishes the function app (functions/Hoop.Functions) to the app that infra-bicep/main.bicep deployed.
#
#   infra-bicep/publish.sh --resource-group RG [--deployment main] [--package FILE]
#   infra-bicep/publish.sh --package-only [--package FILE]      # build the zip, touch nothing in Azure
#
# It reads the app name, hosting plan and package URL from the outputs of the infra deployment, builds the
# package with `dotnet publish` (unless --package names an existing zip), and ships it the way the plan needs:
#   Flex Consumption  one deploy: `az functionapp deployment source config-zip` (the platform stores the
#                     package in the app-package container and restarts the app)
#   Elastic Premium   upload the zip to the blob WEBSITE_RUN_FROM_PACKAGE names (Entra ID, no key or SAS),
#                     then restart the app and sync its triggers
# Needs: Azure CLI signed in (az login / OIDC) as an identity with Website Contributor on the app and, for Elastic
# Premium, Storage Blob Data Contributor on the app-package container (main.bicep grants both to
# publisherPrincipalId); the .NET 10 SDK unless --package is given.
set -euo pipefail

resource_group=""
deployment="main"
package=""
package_only=false

usage() {
  sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    -g|--resource-group) resource_group="${2:?}"; shift 2 ;;
    --deployment) deployment="${2:?}"; shift 2 ;;
    --package) package="${2:?}"; shift 2 ;;
    --package-only) package_only=true; shift ;;
    -h|--help) usage ;;
    *) echo "publish.sh: unknown argument '$1'" >&2; usage ;;
  esac
done

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

build_package() {
  local out="$repo_root/artifacts/publish"
  local zip="${package:-$repo_root/artifacts/hoop-functions.zip}"
  rm -rf "$out" "$zip"
  mkdir -p "$out" "$(dirname "$zip")"
  dotnet publish "$repo_root/functions/Hoop.Functions/Hoop.Functions.csproj" -c Release -o "$out" --nologo >&2
  # host.json and the worker must sit at the root of the zip.
  if command -v zip >/dev/null; then
    (cd "$out" && zip -qr "$zip" .)
  else
    python3 -c 'import shutil, sys; shutil.make_archive(sys.argv[1][:-4], "zip", sys.argv[2])' "$zip" "$out"
  fi
  echo "$zip"
}

if [[ -n "$package" && -f "$package" && "$package_only" == false ]]; then
  zip_path="$(cd "$(dirname "$package")" && pwd)/$(basename "$package")"
else
  zip_path="$(build_package)"
fi
echo "package: $zip_path" >&2

if [[ "$package_only" == true ]]; then
  exit 0
fi

[[ -n "$resource_group" ]] || { echo "publish.sh: --resource-group is required" >&2; usage; }

output() {
  az deployment group show --resource-group "$resource_group" --name "$deployment" \
    --query "properties.outputs.$1.value" --output tsv
}

app="$(output functionAppName)"
plan="$(output hostingPlan)"
[[ -n "$app" && -n "$plan" ]] || { echo "publish.sh: deployment '$deployment' in '$resource_group' has no outputs; deploy infra-bicep first" >&2; exit 1; }
echo "app: $app ($plan)" >&2

case "$plan" in
  FlexConsumption)
    az functionapp deployment source config-zip \
      --resource-group "$resource_group" --name "$app" --src "$zip_path" --output none
    ;;
  ElasticPremium)
    package_url="$(output packageBlobUrl)"
    # https://ACCOUNT.blob.SUFFIX/CONTAINER/BLOB
    account="$(sed -E 's#^https://([^.]+)\..*#\1#' <<<"$package_url")"
    container="$(sed -E 's#^https://[^/]+/([^/]+)/.*#\1#' <<<"$package_url")"
    blob="$(sed -E 's#^https://[^/]+/[^/]+/(.*)$#\1#' <<<"$package_url")"
    az storage blob upload --auth-mode login \
      --account-name "$account" --container-name "$container" --name "$blob" \
      --file "$zip_path" --overwrite --output none
    az functionapp restart --resource-group "$resource_group" --name "$app" --output none
    app_id="$(az functionapp show --resource-group "$resource_group" --name "$app" --query id --output tsv)"
    az resource invoke-action --ids "$app_id" --action syncfunctiontriggers --output none
    ;;
  *)
    echo "publish.sh: unknown hosting plan '$plan'" >&2
    exit 1
    ;;
esac

echo "published $zip_path to $app" >&2
