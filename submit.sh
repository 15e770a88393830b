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
quiet_stderr java -Xmx"${CELLACTIVE_DRIVER_MEMORY:-$memory}" "${flags[@]}" "${props[@]}" ${java_opts[@]+"${java_opts[@]}"} \
  -Dlog4j.configurationFile="$here/conf/log4j2.properties" -Djava.awt.headless=true \
  -cp "$jar:$lib/*" "$main" "$@"
