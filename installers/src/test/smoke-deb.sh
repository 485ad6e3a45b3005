#!/usr/bin/env bash
# Installs the built deb on this machine, checks that both commands, the desktop entry, the MIME
# type and the icons are there, starts the app on its embedded sandbox under Xvfb with an example,
# takes a screenshot, then removes the package and checks that nothing is left.
#
#   installers/src/test/smoke-deb.sh [SCREENSHOT]      (as root; default docs/screenshot-installed-deb.png)
#
# Needs: apt-get, xvfb-run, xdotool or x11-utils (xwininfo), imagemagick (import). The machine must
# not have faultline installed already. CI passes a temporary SCREENSHOT so the committed one stays.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../../.." && pwd)
screenshot=${1:-$repo/docs/screenshot-installed-deb.png}
deb=$(ls "$repo"/installers/target/faultline_*.deb 2>/dev/null | head -n 1)
example="$repo/docs/examples/checkout-freeze-and-recover.yaml"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

fail() {
  echo "smoke-deb: FAIL: $*" >&2
  exit 1
}
step() { echo "smoke-deb: $*"; }

[ -n "$deb" ] || fail "no installers/target/faultline_*.deb; build it: ./mvnw -Ppackage -pl installers -am package"
! dpkg-query -W -f='${Status}' faultline 2>/dev/null | grep -q "install ok installed" ||
  fail "faultline is installed already; apt-get remove faultline first"

start=$(date +%s)
step "installing $deb"
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$deb" >/dev/null

# Whatever happens below, leave the machine as it was.
installed=1
cleanup() {
  [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "${installed:-}" ] && DEBIAN_FRONTEND=noninteractive $SUDO apt-get purge -y -qq faultline >/dev/null 2>&1 || true
  rm -rf "${work:-}"
}
trap cleanup EXIT
work=$(mktemp -d)

step "commands on the PATH"
[ "$(readlink -f /usr/bin/faultline)" = /opt/faultline/bin/faultline ] || fail "/usr/bin/faultline"
[ "$(readlink -f /usr/bin/faultline-designer)" = /opt/faultline/bin/Faultline ] || fail "/usr/bin/faultline-designer"
version=$(cd / && faultline --version) || fail "faultline --version"
echo "  faultline --version: $version"
(cd / && faultline validate "$repo"/docs/examples/*.yaml "$repo"/docs/examples/*.json) ||
  fail "faultline validate"
faultline-designer --help | grep -q -- --sandbox || fail "faultline-designer --help"

step "runtime: no JDK outside the package, AOT caches in use"
/opt/faultline/lib/runtime/bin/java --list-modules | grep -q '^javafx.controls@' ||
  fail "JavaFX is not linked into the runtime"
JAVA_TOOL_OPTIONS=-XX:AOTMode=on faultline --version >/dev/null 2>&1 ||
  fail "the CLI's AOT cache does not load after installation"

step "desktop entry, MIME type, icons"
desktop=/usr/share/applications/faultline-Faultline.desktop
[ -f "$desktop" ] || fail "no $desktop"
grep -q '^Exec=/opt/faultline/bin/Faultline %F$' "$desktop" || fail "Exec line in $desktop"
grep -q '^MimeType=application/x-faultline-experiment' "$desktop" || fail "MimeType in $desktop"
grep -q '^Icon=faultline$' "$desktop" || fail "Icon in $desktop"
# Docks group the window under the entry by its WM_CLASS, which JavaFX sets to the Application class.
grep -q '^StartupWMClass=dev.faultline.app.FaultlineApp$' "$desktop" || fail "StartupWMClass in $desktop"
grep -q '^NoDisplay=true$' /usr/share/applications/faultline-faultline.desktop ||
  fail "the CLI's desktop entry shows in menus"
for size in 16 24 32 48 64 128 256 512; do
  [ -f "/usr/share/icons/hicolor/${size}x${size}/apps/faultline.png" ] || fail "no ${size}px icon"
done
grep -rqs 'application/x-faultline-experiment' /usr/share/mime/packages/ || fail "MIME type not registered"
if command -v xdg-mime >/dev/null 2>&1; then
  cp "$example" "$work/checkout.faultline.yaml"
  echo "  xdg-mime query filetype: $(xdg-mime query filetype "$work/checkout.faultline.yaml" 2>/dev/null || true)"
fi

step "starting faultline-designer under Xvfb (no kubeconfig: embedded sandbox)"
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
export XDG_CACHE_HOME="$work/cache" XDG_STATE_HOME="$work/state"
mkdir -p "$HOME"
unset KUBECONFIG
cat >"$work/shoot.sh" <<EOF
#!/usr/bin/env bash
faultline-designer "$example" >"$work/app.log" 2>&1 &
pid=\$!
# The sandbox is up once it has written its kubeconfig; give the window time to show its pods.
for i in \$(seq 1 90); do
  [ -f "$work/data/faultline/sandbox/kubeconfig" ] && break
  kill -0 \$pid 2>/dev/null || exit 3
  sleep 1
done
sleep 8
kill -0 \$pid 2>/dev/null || exit 3
# The installed CLI talks to the app's sandbox: the API server answers over TLS from the jlinked runtime.
faultline preview --kubeconfig "$work/data/faultline/sandbox/kubeconfig" "$example" >"$work/preview.txt" 2>&1 || exit 4
import -window root "$screenshot"
# Only the window: without a window manager the rest of the screen is black.
convert "$screenshot" -trim +repage "$screenshot"
kill \$pid
wait \$pid 2>/dev/null || true
EOF
chmod +x "$work/shoot.sh"
rc=0
xvfb-run -a -s "-screen 0 1600x1000x24" "$work/shoot.sh" || rc=$?
if [ "$rc" -ne 0 ]; then
  cat "$work/app.log" "$work/preview.txt" >&2 2>/dev/null || true
  case $rc in
    3) fail "the app exited early" ;;
    4) fail "faultline preview could not read the app's sandbox" ;;
    *) fail "the screenshot run failed ($rc)" ;;
  esac
fi
[ -f "$work/data/faultline/sandbox/kubeconfig" ] || {
  cat "$work/app.log" >&2
  fail "the app did not start its embedded sandbox"
}
[ -s "$screenshot" ] || fail "no screenshot"
echo "  faultline preview against the app's sandbox:"
sed 's/^/    /' "$work/preview.txt" | head -n 12
! grep -qiE 'exception|error' "$work/app.log" || {
  cat "$work/app.log" >&2
  fail "the app logged errors"
}
[ ! -d "$HOME/.openjfx" ] || fail "JavaFX extracted its native libraries to ~/.openjfx"
echo "  screenshot: $screenshot"

step "removing"
DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y -qq faultline >/dev/null
installed=
[ ! -e /opt/faultline ] || fail "/opt/faultline left behind"
[ ! -e /usr/bin/faultline ] && [ ! -e /usr/bin/faultline-designer ] || fail "commands left behind"
[ ! -e /usr/share/icons/hicolor/256x256/apps/faultline.png ] || fail "icons left behind"
[ ! -e "$desktop" ] || fail "desktop entry left behind"
# remove keeps dpkg's record of the maintainer scripts; purge it so the next run starts clean.
$SUDO dpkg --purge faultline >/dev/null

step "PASS in $(($(date +%s) - start)) s"
