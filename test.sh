#!/usr/bin/env bash
# Runs every test of the solution on a Debian or Ubuntu machine.
#
#   ./test.sh
#
# It first installs, with apt, the system packages the tests need and the machine lacks (only
# those), then runs `dotnet test` and ends with one summary line: "N passed, N failed".
# The exit code is the one of `dotnet test`: non-zero when anything failed or did not build.
# Requires the .NET SDK named in global.json (https://dot.net).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

# What the tests need from the system, one "file package" pair a line: the package is installed
# when no file matches (the file may be a glob). Add a line when a test needs another program.
requirements=(
    "/usr/bin/chromium chromium"                       # the browser the page tests drive (Bot.Tests/Support/Browser.cs)
    "/usr/lib/postgresql/*/bin/initdb postgresql"      # a private PostgreSQL cluster (Bot.Tests/Support/PostgresServer.cs)
    "/usr/sbin/dovecot dovecot-imapd"                  # IMAP of the test mail server (Bot.Tests/Support/MailServer.cs)
    "/usr/lib/dovecot/lmtp dovecot-lmtpd"              # its delivery from Postfix to the mailboxes
    "/usr/lib/postfix/sbin/master postfix"             # its SMTP side
)

# True when some file matches the (possibly globbed) path.
present() { compgen -G "$1" >/dev/null; }

results_dir="TestResults/test.sh"

install_missing_packages() {
    local missing=() requirement file package
    for requirement in "${requirements[@]}"; do
        read -r file package <<<"$requirement"
        if ! present "$file"; then
            missing+=("$package")
        fi
    done
    if ((${#missing[@]} == 0)); then
        return 0
    fi

    if ! command -v apt-get >/dev/null 2>&1; then
        echo "test.sh: these packages are needed but apt-get was not found: ${missing[*]}" >&2
        echo "test.sh: install them with your package manager and run ./test.sh again." >&2
        exit 1
    fi

    local sudo=()
    if ((EUID != 0)); then
        if ! command -v sudo >/dev/null 2>&1; then
            echo "test.sh: run as root or install sudo; needed packages: ${missing[*]}" >&2
            exit 1
        fi
        sudo=(sudo)
    fi

    echo "test.sh: installing ${missing[*]}"
    # Postfix without a system mail configuration: no instance of the machine's own is set up or
    # started; the tests run their own.
    if command -v debconf-set-selections >/dev/null 2>&1; then
        echo "postfix postfix/main_mailer_type select No configuration" | "${sudo[@]}" debconf-set-selections
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"

    for requirement in "${requirements[@]}"; do
        read -r file package <<<"$requirement"
        if ! present "$file"; then
            echo "test.sh: package '$package' was installed but $file is still missing." >&2
            exit 1
        fi
    done
}

# Prints "passed failed", summed over every TRX file in the results folder. "failed" also counts
# tests that errored, timed out or were aborted, so no problem is hidden behind a zero.
count_results() {
    local passed=0 failed=0 trx counters name value
    shopt -s nullglob globstar
    for trx in "$results_dir"/**/*.trx; do
        counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)
        for name in passed failed error timeout aborted; do
            value=$(sed -n "s/.* $name=\"\([0-9]*\)\".*/\1/p" <<<"$counters")
            value=${value:-0}
            if [[ $name == passed ]]; then
                passed=$((passed + value))
            else
                failed=$((failed + value))
            fi
        done
    done
    shopt -u nullglob globstar
    echo "$passed $failed"
}

install_missing_packages

if ! command -v dotnet >/dev/null 2>&1; then
    echo "test.sh: the .NET SDK (dotnet) was not found; install the version in global.json from https://dot.net" >&2
    echo "0 passed, 0 failed"
    exit 1
fi

rm -rf "$results_dir"
status=0
DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    dotnet test ChatBot.sln -c Release --logger trx --results-directory "$results_dir" || status=$?

read -r passed failed < <(count_results)
if ((status != 0 && passed + failed == 0)); then
    echo "test.sh: no test results were written; see the output above (did the build fail?)." >&2
fi
echo "$passed passed, $failed failed"
exit "$status"
