#!/usr/bin/env bash
# The one entry point: ./submit.sh COMMAND [options]   (./submit.sh --help lists the commands)
#
# - Builds target/cellactive.jar when it is missing or older than the sources.
# - With SPARK_HOME set: runs $SPARK_HOME/bin/spark-submit with conf/spark-defaults.conf.
#   Spark is provided by the cluster; the jar carries the project's own dependencies.
# - Without SPARK_HOME: runs plain java on local[*] with Spark from target/lib (no Spark
#   distribution needed). --master URL is passed through in both cases.
#   CELLACTIVE_DRIVER_MEMORY sets its heap (default: spark.driver.memory in conf/), and
#   CELLACTIVE_JAVA_OPTS adds JVM options (split on spaces), e.g. -XX:TieredStopAtLevel=1.
# - Plain-java runs start from a class-data-sharing archive, target/cellactive.jsa: the classes a
#   cold extract loads, already parsed and verified (JDK 17 dynamic CDS). It is made once per build,
#   on the first Spark command after it, by a training extract of 8 synthetic images, and used only
#   while it is newer than every jar. CELLACTIVE_CDS=off runs without it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/cellactive.jar"
lib="$here/target/lib"

needs_build() {
  [ ! -f "$jar" ] || [ ! -d "$lib" ] && return 0
  [ -n "$(find "$here/src/main" "$here/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]
}

if needs_build; then
  echo "submit.sh: building $jar ..." >&2
  (cd "$here" && mvn -q -B -DskipTests package) >&2
fi

# Spark's JavaModuleOptions, which spark-submit adds by itself; a plain JVM needs them.
flags=(-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true)

main=org.cellactive.cli.Main

# The JVM prints "WARNING: Using incubator modules: jdk.incubator.vector" for Spark's own
# --add-modules flag (MLlib's BLAS uses the module), with no switch to turn it off: drop that
# one line from stderr and pass everything else through. exec keeps java's pid as this script's.
quiet_stderr() {
  exec "$@" 2> >(grep -v --line-buffered '^WARNING: Using incubator modules: jdk.incubator.vector$' >&2)
}

# On a local master, bind Spark to the loopback address: otherwise Spark looks the hostname up,
# finds loopback, and warns about it on every run. A cluster's driver keeps Spark's own choice.
master_of() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --master) echo "${2:-}"; return ;;
      --master=*) echo "${1#--master=}"; return ;;
    esac
    shift
  done
}
master="$(master_of "$@")"
if [ -n "${SPARK_HOME:-}" ]; then
  # spark-submit's own --master, if given, must come before the jar; pull it out of the args.
  submit_args=() app_args=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --master) submit_args+=(--master "$2"); shift 2 ;;
      --master=*) submit_args+=(--master "${1#--master=}"); shift ;;
      *) app_args+=("$1"); shift ;;
    esac
  done
  if [ -x "$SPARK_HOME/bin/spark-submit" ]; then
    submit=("$SPARK_HOME/bin/spark-submit")
  else
    # A SPARK_HOME made of Maven jars alone (jars/ only, as in SPARK-NOTES): run SparkSubmit directly.
    export SPARK_SCALA_VERSION="${SPARK_SCALA_VERSION:-2.13}"
    submit=(java "${flags[@]}" -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit)
  fi
  case "$master" in local*) export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}" ;; esac
  quiet_stderr "${submit[@]}" --properties-file "$here/conf/spark-defaults.conf" \
    --driver-java-options "-Dlog4j.configurationFile=$here/conf/log4j2.properties" \
    "${submit_args[@]}" --class "$main" "$jar" "${app_args[@]}"
fi

# The class-data-sharing archive. The JVM maps it only if the classpath string and every jar's size
# and time are those it was made with, and otherwise runs without it, silently (-Xlog:cds*=off: a
# stale archive would print its warning on stdout). So it is made here, with the very classpath of
# the run below, and skipped when any jar is newer than it.
jsa="$here/target/cellactive.jsa"
cds_wanted() {
  [ "${CELLACTIVE_CDS:-on}" != off ] || return 1
  case "${1:-}" in ''|-h|--help|-V|--version|help|synth|label) return 1 ;; esac
  local a; for a in "$@"; do case "$a" in -h|--help) return 1 ;; esac; done
  return 0
}
cds_fresh() {
  [ -s "$jsa" ] && [ -z "$(find "$jar" "$lib" -newer "$jsa" -print -quit 2>/dev/null)" ]
}
# A training run: synth 8 cartoon smears, extract them with -XX:ArchiveClassesAtExit. One shell at a
# time (a lock folder; one older than 10 minutes is a dead run's); the others run without the archive.
make_cds() {
  local lock="$jsa.lock" training="$here/target/cds-training"
  find "$lock" -maxdepth 0 -mmin +10 -exec rm -rf {} + 2>/dev/null || true
  mkdir "$lock" 2>/dev/null || return 0
  trap 'rm -rf "$lock"' EXIT
  echo "submit.sh: making the class-data-sharing archive $jsa (once per build) ..." >&2
  local tmp="$jsa.tmp.$$"
  if java -Xmx1g -Djava.awt.headless=true -cp "$jar:$lib/*" "$main" synth --images 8 --out "$training/archive" \
        >/dev/null 2>&1 &&
     SPARK_LOCAL_IP=127.0.0.1 java -XX:ArchiveClassesAtExit="$tmp" -Xlog:cds*=off -Xmx1g "${flags[@]}" "${props[@]}" \
        -Dlog4j.configurationFile="$here/conf/log4j2.properties" -Djava.awt.headless=true \
        -cp "$jar:$lib/*" "$main" extract --overwrite --annotations "$training/archive/Annotations" \
        --images "$training/archive/JPEGImages" --out "$training/run" >/dev/null 2>&1 &&
     [ -s "$tmp" ]; then
    mv -f "$tmp" "$jsa"
  else
    echo "submit.sh: could not make $jsa; running without it" >&2
    rm -f "$tmp"
  fi
  rm -rf "$lock"
  trap - EXIT
}

# Extra JVM options for the plain-java run, split on spaces (never globbed).
set -f
# shellcheck disable=SC2206
java_opts=(${CELLACTIVE_JAVA_OPTS:-})
set +f
props=()
memory=4g
while read -r key value; do
  case "$key" in ''|'#'*) continue ;; spark.driver.memory) memory="$value" ;; esac
  props+=("-D$key=$value")
done < "$here/conf/spark-defaults.conf"
# No --master here means local[*] (or -Dspark.master from CELLACTIVE_JAVA_OPTS).
case "$master" in ''|local*) export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}" ;; esac
# C1 only (-XX:TieredStopAtLevel=1) for short runs on small local inputs: extract of a VOC folder of at
# most 1,000 files, and query or score on a cells table of at most 32 MiB. On 2 cores the C2 compiler's
# work competes with the run, and such a run ends before C2's code pays back (docs/benchmarks.md §1,
# "Cold runs", and §2, "One labelling round"). serve, simulate and large inputs keep the default
# compilers. Not when CELLACTIVE_JAVA_OPTS already chooses a compiler (any Tiered option), nor with
# CELLACTIVE_C1=off.
C1_MAX_FILES=1000
C1_MAX_TABLE_KIB=$((32 * 1024))
arg_value() { # NAME ARGS...: the value of option NAME (--name V or --name=V), else nothing
  local name="$1" prev="" value="" a
  shift
  for a in "$@"; do
    [ "$prev" = "$name" ] && value="$a"
    case "$a" in "$name"=*) value="${a#"$name"=}" ;; esac
    prev="$a"
  done
  printf '%s' "$value"
}
small_voc() {
  [ -d "$1" ] && [ "$(find "$1" -iname '*.xml' 2>/dev/null | head -n $((C1_MAX_FILES + 1)) | wc -l)" -le "$C1_MAX_FILES" ]
}
small_table() {
  local path="${1#file:}"
  [ -e "$path" ] && [ "$(du -sk "$path" 2>/dev/null | cut -f1)" -le "$C1_MAX_TABLE_KIB" ]
}
c1_wanted() {
  [ "${CELLACTIVE_C1:-auto}" = auto ] || return 1
  case " ${CELLACTIVE_JAVA_OPTS:-} " in *Tiered*) return 1 ;; esac
  case "${1:-}" in
    extract) small_voc "$(arg_value --annotations "$@")" ;;
    query|score) small_table "$(arg_value --cells "$@")" ;;
    *) return 1 ;;
  esac
}
c1=()
if c1_wanted "$@"; then c1=(-XX:TieredStopAtLevel=1); fi
cds=()
if cds_wanted "$@"; then
  cds_fresh || make_cds
  if cds_fresh; then cds=(-XX:SharedArchiveFile="$jsa" -Xlog:cds*=off); fi
fi
quiet_stderr java -Xmx"${CELLACTIVE_DRIVER_MEMORY:-$memory}" "${flags[@]}" "${props[@]}" ${cds[@]+"${cds[@]}"} ${c1[@]+"${c1[@]}"} \
  ${java_opts[@]+"${java_opts[@]}"} \
  -Dlog4j.configurationFile="$here/conf/log4j2.properties" -Djava.awt.headless=true \
  -cp "$jar:$lib/*" "$main" "$@"
