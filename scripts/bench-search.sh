#!/usr/bin/env bash
# Benchmark socnav's search against Pagefind, in a real browser, on synthetic catalogues.
#
# Usage: scripts/bench-search.sh [SIZES]      e.g. scripts/bench-search.sh 1000
#        SIZES: comma-separated numbers of services; default 10000,100000.
#
# For each size N:
#   1. `socnav synth --services N` writes a catalogue into a temporary folder (/dev/shm
#      when it has room, else $TMPDIR or /tmp; removed afterwards), `socnav build`
#      builds it (time and peak memory printed, then the search index folder: files and
#      bytes per kind).
#   2. Pagefind (pinned in scripts/bench-search/package.json, installed with `npm ci`)
#      indexes the same output: `pagefind --site OUT --output-subdir pagefind
#      --root-selector main` (the pages carry no data-pagefind-body; <main> holds the
#      content, html lang="ru" gives the language). Time and peak memory printed.
#   3. scripts/bench-search/bench.mjs serves OUT on 127.0.0.1 (HTTPS + HTTP/2, gzip for
#      text types, netlify.toml's cache headers; a missing index file answers 404 with
#      /search/none.json when the build wrote one, else with 404.html, as a host
#      would), writes OUT/pf-bench.html (a search page on pagefind.js with the same
#      stylesheet, debounce and done marker as socnav's), and drives Debian's chromium
#      headless through playwright-core over 20 Russian queries, each typed into #q:
#        cold: fresh browser context (empty cache), open the search page, type.
#              Counted: the scripts and every index file (not the page's HTML/CSS/icon).
#        warm: same page after another query ("адвокат"): scripts and Pagefind's
#              wasm/metadata already loaded, this query's index files not.
#      The server emulates a slow link for the measured part: 400 ms per round trip,
#      50,000 B/s (400 kbit/s) shared by all responses in flight; done at the server so
#      that Pagefind's web worker is throttled too. Per query and engine it prints
#      requests, sequential round trips (from the server's log: a request that arrived
#      after another was answered waited for it; the longest chain), KB sent (gzip
#      bodies, 1 KB = 1000 B, 404s included), time to results (cold: from the page's
#      HTML to the results; warm: from the first keystroke; both include the 120 ms
#      debounce) and the number found; then medians and maxes, and socnav's budget
#      with PASS/FAIL per query: cold <= 2 round trips and <= 15 KB (N <= 10,000) or
#      <= 30 KB (larger N), warm <= 10 KB, some result, no console error. Requests of
#      failing queries are listed one by one.
#   A summary line per size ends the output.
#
# Takes, on 2 cores: N=1000 about 6 min, N=10000 about 15 min (nearly all of it
# Pagefind's queries on the slow link: 8-23 s each), N=100000 about 4 min: Pagefind
# would need ~38 GB there, more than the machine has, so it is skipped (see below).
#
# Environment:
#   SOCNAV_BIN               use this binary instead of `cargo build --release`
#   CHROMIUM                 browser (default /usr/bin/chromium, Debian's package)
#   BENCH_SEARCH_PAGEFIND=0  socnav only; =force runs Pagefind even where it would
#                            need more memory than is available (it is skipped then:
#                            ~0.32 MB a page, so 100,000 services want ~38 GB)
#   BENCH_SEARCH_QUERIES     a file with one query a line instead of the built-in 20
#   BENCH_SEARCH_VERBOSE=1   every request of every measurement
#   BENCH_SEARCH_KEEP=1      keep the temporary folder (its path is printed)
#   BENCH_SEARCH_RESULTS=DIR write every measurement (each request: path, status, bytes,
#                            round trip) to DIR/bench-search-N.json
#   BENCH_SEARCH_STRICT=1    exit 5 when a query fails socnav's budget
# Needs: cargo, node >= 18, npm, openssl, chromium. Exits 1 on a setup failure.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BENCH="$ROOT/scripts/bench-search"
SIZES="${1:-10000,100000}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export CHROMIUM
WITH_PF="${BENCH_SEARCH_PAGEFIND:-1}"

die() {
    echo "bench-search: $*" >&2
    exit 1
}
say() { echo "$*"; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

case "$SIZES" in
-h | --help)
    sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
    exit 0
    ;;
esac
IFS=',' read -r -a NS <<<"$SIZES"
for n in "${NS[@]}"; do
    [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "SIZES must be numbers of services separated by commas, got '$SIZES'"
done

# ------------------------------------------------------------------ the machine
say "== socnav search benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"
say "machine: ${cpu:-unknown CPU}, $(nproc) cores, $(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(. /etc/os-release 2>/dev/null && echo "${PRETTY_NAME:-}")"

# ------------------------------------------------------------------ tools
for tool in node npm openssl; do
    command -v "$tool" >/dev/null || die "$tool not found (apt-get install nodejs npm openssl)"
done
node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)' ||
    die "node >= 18 needed, found $(node --version)"
[ -x "$CHROMIUM" ] || die "no browser at $CHROMIUM (apt-get install chromium, or set CHROMIUM)"
chromium_version="$("$CHROMIUM" --version 2>/dev/null | head -n 1 || true)"
say "node $(node --version), ${chromium_version:-chromium (version unknown)}"

if [ -n "${SOCNAV_BIN:-}" ]; then
    [ -x "$SOCNAV_BIN" ] || die "SOCNAV_BIN=$SOCNAV_BIN is not an executable"
    SOCNAV="$SOCNAV_BIN"
else
    command -v cargo >/dev/null || die "cargo not found (or set SOCNAV_BIN)"
    say "cargo build --release ..."
    (cd "$ROOT" && cargo build --release --quiet) || die "cargo build --release failed"
    SOCNAV="$ROOT/target/release/socnav"
fi
say "socnav: $SOCNAV ($(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?')$(cd "$ROOT" && git diff --quiet HEAD -- src themes 2>/dev/null || echo ', with uncommitted changes in src/ or themes/'))"

say "npm ci --prefix scripts/bench-search ..."
npm ci --prefix "$BENCH" --no-audit --no-fund --loglevel=error >/dev/null ||
    die "npm ci failed in scripts/bench-search (npm registry reachable? package-lock.json intact?)"
PAGEFIND="$BENCH/node_modules/.bin/pagefind"
[ -x "$PAGEFIND" ] || die "pagefind was not installed (no prebuilt binary for this platform?)"
say "pagefind $("$PAGEFIND" --version 2>/dev/null | awk '{ print $NF }'), playwright-core $(node -p "require('$BENCH/node_modules/playwright-core/package.json').version")"

TIME=()
if [ -x /usr/bin/time ]; then TIME=(/usr/bin/time -f '%e %M'); fi

# ------------------------------------------------------------------ temporary folder
max_n=0
for n in "${NS[@]}"; do [ "$n" -gt "$max_n" ] && max_n=$n; done
need_kb=$((max_n * 80 + 200000)) # site + output + Pagefind's bundle: ~70 KB a service
base=""
mem_kb=$(awk '/^MemAvailable/ { print $2 }' /proc/meminfo)
for dir in /dev/shm "${TMPDIR:-/tmp}"; do
    [ -d "$dir" ] && [ -w "$dir" ] || continue
    avail=$(df -Pk "$dir" | awk 'NR == 2 { print $4 }')
    # /dev/shm is memory: leave at least half of it to the programs measured
    [ "$dir" = /dev/shm ] && [ "$need_kb" -gt $((mem_kb / 2)) ] && continue
    if [ "${avail:-0}" -ge "$need_kb" ]; then
        base="$dir"
        break
    fi
done
[ -n "$base" ] || die "no temporary folder with $((need_kb / 1024)) MB free (tried /dev/shm and ${TMPDIR:-/tmp})"
WORK="$(mktemp -d "$base/socnav-bench-search.XXXXXX")" || die "cannot create a folder in $base"
pf_pid=""
kill_tree() { # a process we started and its descendants, by id
    local c
    for c in $(ps -o pid= --ppid "$1" 2>/dev/null); do kill_tree "$c"; done
    kill "$1" 2>/dev/null || true
}
cleanup() {
    [ -n "$pf_pid" ] && kill_tree "$pf_pid"
    if [ "${BENCH_SEARCH_KEEP:-0}" = 1 ]; then
        echo "bench-search: kept $WORK" >&2
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
say "temporary folder: $WORK"

# Runs a command with /usr/bin/time when there is one; sets ELAPSED (s) and PEAK (MB).
timed() {
    local t0 t1 tf="$WORK/time.out"
    rm -f "$tf"
    t0=$(now)
    if [ ${#TIME[@]} -gt 0 ]; then
        "${TIME[@]}" -o "$tf" "$@"
    else
        "$@"
    fi
    local rc=$?
    t1=$(now)
    ELAPSED=$(secs "$t0" "$t1")
    PEAK="?"
    [ -s "$tf" ] && PEAK=$(awk 'END { printf "%.0f", $2 / 1024 }' "$tf")
    return $rc
}

JSONS=()
budget_fail=0
for n in "${NS[@]}"; do
    say ""
    say "==== N = $n services"
    dir="$WORK/n$n"
    mkdir -p "$dir"
    timed "$SOCNAV" synth --out "$dir/site" --services "$n" >"$dir/synth.log" 2>&1 ||
        { cat "$dir/synth.log" >&2; die "socnav synth failed for N=$n"; }
    say "synth: $ELAPSED s"
    timed "$SOCNAV" build --root "$dir/site" --output "$dir/out" >"$dir/build.log" 2>&1 ||
        { tail -n 30 "$dir/build.log" >&2; die "socnav build failed for N=$n"; }
    build_s=$ELAPSED
    say "socnav build: $build_s s, peak $PEAK MB  ($(tail -n 1 "$dir/build.log"))"
    idx=$(sed -n 's/.*data-index="\/search\/\([^"/]*\)\/".*/\1/p' "$dir/out/search/index.html" | head -n 1)
    [ -n "$idx" ] && [ -d "$dir/out/search/$idx" ] || die "the search page names no index folder (data-index) for N=$n"
    read -r index_files index_bytes < <(find "$dir/out/search/$idx" -type f -printf '%s\n' | awk '{ s += $1 } END { print NR + 0, s + 0 }')
    per_kind=""
    for k in "$dir/out/search/$idx"/*/; do
        [ -d "$k" ] || continue
        per_kind+=" $(basename "$k")/: $(find "$k" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%d files %.1f MB", NR, s / 1e6 }');"
    done
    say "search index /search/$idx/: $index_files files, $(awk -v b="$index_bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }') uncompressed;${per_kind%;}"
    [ -f "$dir/out/search/none.json" ] ||
        say "note: the build wrote no /search/none.json, so a word in no record is answered with 404.html"

    pf_flag=()
    pagefind_s=null
    pages=$(find "$dir/out" -name '*.html' | wc -l)
    run_pf=0
    if [ "$WITH_PF" = force ]; then
        run_pf=1
    elif [ "$WITH_PF" = 1 ]; then
        # Pagefind 1.6 holds ~0.31 MB per page (431 MB at 1.3k pages, 3.8 GB at 12k):
        # skip it rather than push the machine into the OOM killer.
        pf_need_mb=$((pages * 32 / 100 + 300))
        avail_mb=$(awk '/^MemAvailable/ { print int($2 / 1024) }' /proc/meminfo)
        if [ "$pf_need_mb" -le $((avail_mb * 8 / 10)) ]; then
            run_pf=1
        else
            say "pagefind: SKIPPED for N=$n: indexing $pages pages needs about $((pf_need_mb / 1024)) GB, $((avail_mb / 1024)) GB available (BENCH_SEARCH_PAGEFIND=force to try anyway)"
        fi
    fi
    if [ "$run_pf" = 1 ]; then
        say "pagefind: indexing $pages pages ..."
        (
            cd "$dir"
            rc=0
            timed "$PAGEFIND" --site "$dir/out" --output-subdir pagefind --root-selector main >"$dir/pagefind.log" 2>&1 || rc=$?
            echo "$rc $ELAPSED $PEAK" >"$dir/pagefind.rc"
        ) &
        pf_pid=$!
        started=$(date +%s)
        while kill -0 "$pf_pid" 2>/dev/null; do
            sleep 5
            if kill -0 "$pf_pid" 2>/dev/null && [ $((($(date +%s) - started) % 30)) -lt 5 ]; then
                say "  ... pagefind running for $(($(date +%s) - started)) s ($(grep -E '^\[' "$dir/pagefind.log" | tail -n 1))"
            fi
        done
        wait "$pf_pid" || true
        pf_pid=""
        read -r pf_rc pagefind_s pf_peak <"$dir/pagefind.rc"
        if [ "$pf_rc" = 0 ]; then
            read -r pf_files pf_bytes < <(find "$dir/out/pagefind" -type f -printf '%s\n' | awk '{ s += $1 } END { print NR + 0, s + 0 }')
            say "pagefind: $pagefind_s s, peak $pf_peak MB; $(grep -E 'Indexed [0-9]+ (pages|words)' "$dir/pagefind.log" | sed 's/^ *//' | paste -sd, - | sed 's/,/, /g'); bundle $pf_files files, $(awk -v b="$pf_bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }')"
            pf_flag=(--pagefind)
        else
            tail -n 20 "$dir/pagefind.log" >&2
            say "pagefind FAILED (exit $pf_rc after $pagefind_s s, peak $pf_peak MB): measuring socnav alone for N=$n"
            pagefind_s=null
        fi
    fi

    json="$WORK/n$n.json"
    meta=$(printf '{"build_s":%s,"index_files":%s,"index_bytes":%s,"pagefind_s":%s}' "$build_s" "$index_files" "$index_bytes" "$pagefind_s")
    say ""
    rc=0
    node "$BENCH/bench.mjs" --out "$dir/out" --n "$n" --tmp "$dir" --json "$json" --meta "$meta" "${pf_flag[@]}" || rc=$?
    case $rc in
    0) ;;
    4) say "bench-search: some measurements failed for N=$n (see above)" ;;
    *) die "the browser benchmark failed for N=$n (exit $rc)" ;;
    esac
    if [ -f "$json" ]; then
        cp "$json" "$WORK/result-n$n.json"
        JSONS+=("$WORK/result-n$n.json")
        if [ -n "${BENCH_SEARCH_RESULTS:-}" ]; then
            mkdir -p "$BENCH_SEARCH_RESULTS" && cp "$json" "$BENCH_SEARCH_RESULTS/bench-search-$n.json" ||
                say "bench-search: cannot write to $BENCH_SEARCH_RESULTS"
        fi
        node -e 'const r = require(process.argv[1]); process.exit(r.rows.every((x) => x.pass) ? 0 : 1)' "$json" || budget_fail=1
    fi
    rm -rf "$dir"
done

if [ ${#JSONS[@]} -gt 0 ]; then
    say ""
    say "==== summary (KB = 1000 B; s = seconds to results on the emulated 400 ms / 400 kbit/s link)"
    node "$BENCH/summary.mjs" "${JSONS[@]}"
fi
if [ "$budget_fail" = 1 ] && [ "${BENCH_SEARCH_STRICT:-0}" = 1 ]; then
    exit 5
fi
