#!/usr/bin/env bash
# The test command (README, "Quick start"; .ci/run calls it). Installs what the tests need when it is
# missing and this runs as root (Debian packages: PostgreSQL's server, Chromium for the report test,
# Python's aiosmtpd for the SMTP tests), then runs every test of the solution. The tests start their
# own servers on 127.0.0.1 and stop them; nothing is left running. Extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

needed=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || needed+=(postgresql)
command -v chromium >/dev/null 2>&1 || needed+=(chromium)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || needed+=(python3-aiosmtpd)
if [ "${#needed[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "tests: install these Debian packages first (as root): ${needed[*]}" >&2
    exit 2
  fi
  echo "tests: installing ${needed[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
  # Debian starts a PostgreSQL cluster on install; the tests run their own, so stop it.
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    for cluster in /etc/postgresql/*/main; do
      [ -d "$cluster" ] && pg_ctlcluster "$(basename "$(dirname "$cluster")")" main stop >/dev/null 2>&1 || true
    done
  fi
fi

exec dotnet test CampaignDsl.sln "$@"
