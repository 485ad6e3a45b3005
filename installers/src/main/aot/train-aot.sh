#!/usr/bin/env bash
# Trains one AOT cache per launcher of a jpackage app image (JEP 483/514/515) and points the
# launchers at them: train-aot.sh APPDIR [GUI_LAUNCHER [CLI_LAUNCHER]]
#
# For each launcher it adds -XX:AOTCacheOutput to lib/app/<launcher>.cfg, runs a typical start-up
# (the app opening an example until its first frame; the CLI validating the examples), then replaces
# it by -XX:AOTCache=$APPDIR/lib/app/<launcher>.aot. $APPDIR is expanded by jpackage's launcher, so
# the image can move (the cache only needs the same runtime and jars). Any failure exits non-zero
# with the cfg files restored: better no cache than a launcher that fails to start.
set -euo pipefail

app_dir=$(cd "${1:?usage: train-aot.sh APPDIR [GUI_LAUNCHER [CLI_LAUNCHER]]}" && pwd)
gui=${2:-Faultline}
cli=${3:-faultline}
repo=$(cd "$(dirname "$0")/../../../.." && pwd)
examples="$repo/docs/examples"
cfg_dir="$app_dir/lib/app"

fail() {
  echo "train-aot: $*" >&2
  exit 1
}

for launcher in "$gui" "$cli"; do
  [ -x "$app_dir/bin/$launcher" ] || fail "no launcher $app_dir/bin/$launcher"
  [ -f "$cfg_dir/$launcher.cfg" ] || fail "no $cfg_dir/$launcher.cfg"
done

# From here on, any exit before the end puts the original cfg files back and drops the caches.
done_ok=
home=$(mktemp -d)
finish() {
  rm -rf "$home"
  [ -n "$done_ok" ] && return
  for launcher in "$gui" "$cli"; do
    [ -f "$cfg_dir/$launcher.cfg.orig" ] && mv -f "$cfg_dir/$launcher.cfg.orig" "$cfg_dir/$launcher.cfg"
    rm -f "$cfg_dir/$launcher.aot" "$cfg_dir/$launcher.aot.config"
  done
  echo "train-aot: training failed; launchers left without an AOT cache, see the output above" >&2
}
trap finish EXIT
for launcher in "$gui" "$cli"; do
  cp "$cfg_dir/$launcher.cfg" "$cfg_dir/$launcher.cfg.orig"
done

# Adds a java-options line after the last line of the cfg's [JavaOptions] section (blank lines
# before the next section stay after it), creating the section if missing.
add_option() {
  local cfg=$1 option=$2
  awk -v opt="java-options=$option" '
    /^\[/ {
      if (in_opts && !added) { print opt; added = 1 }
      printf "%s", blanks; blanks = ""
      in_opts = ($0 == "[JavaOptions]"); print; next
    }
    /^[[:space:]]*$/ { blanks = blanks $0 "\n"; next }
    { printf "%s", blanks; blanks = ""; print }
    END {
      if (!added && in_opts) { print opt; printf "%s", blanks }
      else if (!added) { printf "%s", blanks; print "[JavaOptions]"; print opt }
      else printf "%s", blanks
    }
  ' "$cfg" >"$cfg.tmp"
  mv "$cfg.tmp" "$cfg"
}

# A clean user: no settings, recent files or sandbox state of whoever builds leaks into the run.
export HOME="$home/home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data"
export XDG_CACHE_HOME="$home/cache" XDG_STATE_HOME="$home/state"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"

# A cluster that refuses connections at once: the app starts as users start it, with a kubeconfig,
# without the run depending on a real cluster or starting the embedded sandbox.
kubeconfig="$home/kubeconfig"
cat >"$kubeconfig" <<'EOF'
apiVersion: v1
kind: Config
clusters:
- name: closed
  cluster: {server: "https://127.0.0.1:9"}
contexts:
- name: closed
  context: {cluster: closed, user: nobody}
current-context: closed
users:
- name: nobody
  user: {token: training}
EOF

# The cache records each jar's modification time. With SOURCE_DATE_EPOCH set, the whole image gets
# that time, so that packages clamping their files' times to it keep the cache valid.
if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then
  find "$app_dir" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
fi

for launcher in "$gui" "$cli"; do
  add_option "$cfg_dir/$launcher.cfg" "-XX:AOTCacheOutput=\$APPDIR/$launcher.aot"
done

# Elapsed time in bash arithmetic (milliseconds): no bc, which a minimal Debian lacks.
millis() { echo $(($(date +%s%N) / 1000000)); }

start=$(millis)
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null 2>&1; then
  FAULTLINE_LAUNCH_PROBE=1 xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$app_dir/bin/$gui" --kubeconfig "$kubeconfig" "$examples/checkout-freeze-and-recover.yaml"
elif [ -n "${DISPLAY:-}" ]; then
  FAULTLINE_LAUNCH_PROBE=1 "$app_dir/bin/$gui" --kubeconfig "$kubeconfig" \
    "$examples/checkout-freeze-and-recover.yaml"
else
  FAULTLINE_LAUNCH_PROBE=1 JAVA_TOOL_OPTIONS='-Dglass.platform=Headless -Dprism.order=sw' \
    "$app_dir/bin/$gui" --kubeconfig "$kubeconfig" "$examples/checkout-freeze-and-recover.yaml"
fi
gui_ms=$(($(millis) - start))
[ -s "$cfg_dir/$gui.aot" ] || fail "the $gui run wrote no $cfg_dir/$gui.aot"

start=$(millis)
"$app_dir/bin/$cli" validate "$examples"/*.yaml "$examples"/*.json >/dev/null
cli_ms=$(($(millis) - start))
[ -s "$cfg_dir/$cli.aot" ] || fail "the $cli run wrote no $cfg_dir/$cli.aot"

# Use the caches. A cache that no longer matches (another runtime or jars) is only a warning: the
# launcher then starts without it, and warnings go to stderr instead of the CLI's stdout.
for launcher in "$gui" "$cli"; do
  cfg="$cfg_dir/$launcher.cfg"
  sed -i "s|^java-options=-XX:AOTCacheOutput=\(.*\)$|java-options=-XX:AOTCache=\1|" "$cfg"
  add_option "$cfg" "-Xlog:disable"
  add_option "$cfg" "-Xlog:all=warning:stderr"
done

# AOTMode=on makes an unusable cache an error instead of a silent slow start.
JAVA_TOOL_OPTIONS=-XX:AOTMode=on "$app_dir/bin/$cli" --version >/dev/null ||
  fail "$cli does not start with its AOT cache"
JAVA_TOOL_OPTIONS=-XX:AOTMode=on "$app_dir/bin/$gui" --help >/dev/null ||
  fail "$gui does not start with its AOT cache"

done_ok=1
rm -f "$cfg_dir/$gui.cfg.orig" "$cfg_dir/$cli.cfg.orig"
printf 'train-aot: %s.aot %s (trained in %d.%d s), %s.aot %s (%d.%d s)\n' \
  "$gui" "$(du -h "$cfg_dir/$gui.aot" | cut -f1)" $((gui_ms / 1000)) $((gui_ms % 1000 / 100)) \
  "$cli" "$(du -h "$cfg_dir/$cli.aot" | cut -f1)" $((cli_ms / 1000)) $((cli_ms % 1000 / 100))
