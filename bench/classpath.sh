#!/usr/bin/env bash
# Builds the bench module (bench/pom.xml, the Java side of every bench/*/run.sh) with what it needs
# and prints its run-time class path: bench's classes first, then core, the plugins and their
# libraries, as built in this tree.
#   cp="$(bench/classpath.sh)"; java -cp "$cp" dev.m6rec.bench.<area>.<Main> ...
# Environment: M6REC_MAVEN_OFFLINE=1 builds offline (-o); SKIP_REACTOR=1 builds bench alone against
# the api, core and plugins already installed in ~/.m2 (when another module is mid-change).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
offline=""
[ -n "${M6REC_MAVEN_OFFLINE:-}" ] && offline="-o"
cd "$root"
if [[ "${SKIP_REACTOR:-0}" == 1 ]]; then
  mvn -B -q $offline -Dstyle.color=never -f bench/pom.xml package -DskipTests >&2
else
  mvn -B -q $offline -Dstyle.color=never -pl bench -am package -DskipTests >&2
fi
# bench/pom.xml writes its dependencies' class path at package time.
echo "$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")"
