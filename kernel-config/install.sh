#!/usr/bin/env bash
# Installs the qdiff Jupyter kernel (kernelspec "qdiff", display name "Java (qdiff)").
#
#   bash kernel-config/install.sh              # for the current user (jupyter kernelspec install --user)
#   bash kernel-config/install.sh --sys-prefix # into the Python environment's prefix instead
#
# 1. installs Jupyter from the Debian packages when missing (needs root or sudo);
# 2. builds the kernel with Maven only if its jar is missing (normally `mvn -B -DskipTests install`
#    ran before);
# 3. copies the kernel jar and its lib/ into a kernelspec directory next to kernel.json, so the
#    installed kernel keeps working after `mvn clean`, and installs it with `jupyter kernelspec install`.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
scope="${1:---user}"
case "$scope" in
  --user | --sys-prefix) ;;
  *) echo "usage: $0 [--user|--sys-prefix]" >&2; exit 2 ;;
esac

source "$here/scripts/ensure-jupyter.sh"
ensure_jupyter

kernel_jar() {
  find "$here/target" -maxdepth 1 -name 'qdiff-kernel-*.jar' ! -name '*-sources.jar' ! -name '*-javadoc.jar' 2>/dev/null | head -n 1
}
jar="$(kernel_jar)"
if [ -z "$jar" ] || [ ! -d "$here/target/lib" ]; then
  echo "== kernel jar missing: building (mvn -B -DskipTests install)"
  (cd "$root" && mvn -B -q -DskipTests install)
  jar="$(kernel_jar)"
fi

# The JVM: $JAVA_HOME's when set, else `java` on the PATH of whoever starts Jupyter. Java 17 is the
# target; on Java 20+ Thread.stop is gone and an interrupt cannot end a loop that never checks
# Thread.interrupted().
java_cmd="java"
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java_cmd="$JAVA_HOME/bin/java"
fi
java_major="$("$java_cmd" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
if [ -z "$java_major" ] || [ "$java_major" -lt 17 ]; then
  echo "error: the kernel needs Java 17, '$java_cmd' is Java ${java_major:-unknown}" >&2
  exit 1
elif [ "$java_major" -ge 20 ]; then
  echo "warning: '$java_cmd' is Java $java_major; interrupting a busy loop needs Java 17-19" >&2
fi

stage="$here/target/kernelspec-install/qdiff"
rm -rf "$stage"
mkdir -p "$stage/lib"
cp "$jar" "$stage/qdiff-kernel.jar"
cp "$here"/target/lib/*.jar "$stage/lib/"
# kernel.json from the template; {resource_dir} is expanded by Jupyter to the installed directory.
sed -e "s|\${kernel.java}|$java_cmd|" \
    -e "s|\${kernel.classpath}|{resource_dir}/qdiff-kernel.jar:{resource_dir}/lib/*|" \
    "$here/src/main/kernelspec/kernel.json" > "$stage/kernel.json"

"$JUPYTER" kernelspec install "$scope" --replace --name qdiff "$stage"
"$JUPYTER" kernelspec list
