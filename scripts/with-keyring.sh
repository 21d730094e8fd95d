#!/usr/bin/env bash
# Run a command with a real, throwaway Secret Service (gnome-keyring) on a private D-Bus session.
#   scripts/with-keyring.sh npx vitest run tests/integration/secrets
# Needs: apt-get install -y gnome-keyring dbus libsecret-1-0
# Sets SKIMMER_REQUIRE_KEYRING=1 so keychain tests fail (not skip) if the keyring is unreachable.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi

if [[ "${SKIMMER_IN_KEYRING_SESSION:-}" != "1" ]]; then
  for tool in dbus-run-session gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "$0: $tool not found; install with: apt-get install -y gnome-keyring dbus libsecret-1-0" >&2
      exit 127
    fi
  done
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/skimmer-keyring.XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  mkdir -p "$tmp/home" "$tmp/config" "$tmp/data" "$tmp/cache" "$tmp/runtime"
  chmod 700 "$tmp/runtime"
  export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" \
    XDG_CACHE_HOME="$tmp/cache" XDG_RUNTIME_DIR="$tmp/runtime"
  export SKIMMER_IN_KEYRING_SESSION=1
  # Not exec: the EXIT trap must remove the temp dir afterwards.
  set +e
  dbus-run-session -- "$0" "$@"
  rc=$?
  exit "$rc"
fi

# Inside the private D-Bus session: start and unlock a keyring with a throwaway password.
# --unlock reads the password on stdin and creates the "login" keyring if there is none.
eval "$(printf 'skimmer-test-password' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL GNOME_KEYRING_PID 2>/dev/null || true
export SKIMMER_REQUIRE_KEYRING=1
cleanup() {
  if [[ -n "${GNOME_KEYRING_PID:-}" ]]; then kill "$GNOME_KEYRING_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT
set +e
"$@"
rc=$?
exit "$rc"
