#!/usr/bin/env bash
# Redraws docs/screenshot-run-report.png: the HTML report of a real run of the freeze/kill/recover
# example on the embedded sandbox, rendered by headless Chromium at 900x1280.
# The screenshot tests cannot draw it: the app has no web view, so a browser does.
#
# Needs: the launchers (./mvnw -q package -DskipTests) and chromium (or CHROME=/path/to/chrome).
# Run from the repository root: docs/tools/screenshot-run-report.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
chrome=${CHROME:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
if [[ -z "$chrome" ]]; then
  echo "screenshot-run-report.sh: no chromium found; set CHROME" >&2
  exit 69
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Data and state directories of its own: this run never mixes with the user's.
FAULTLINE_DATA_DIR="$work/data" FAULTLINE_STATE_DIR="$work/state" "$root/runner/target/faultline" run \
  "$root/docs/examples/checkout-freeze-and-recover.yaml" --sandbox --report-dir "$work/out"

"$chrome" --headless --disable-gpu --hide-scrollbars --window-size=900,1280 \
  --screenshot="$root/docs/screenshot-run-report.png" "file://$work/out/report.html"
echo "wrote docs/screenshot-run-report.png"
