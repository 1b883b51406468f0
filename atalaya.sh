#!/bin/sh
#
# Builds Atalaya if the sources changed since the last build, then runs the hub from
# target/atalaya:
#
#   ./atalaya.sh           the hub in the foreground, with its console (Ctrl-D stops it)
#   ./atalaya.sh start     the hub in the background;  ./atalaya.sh stop | status
#   ./atalaya.sh client    a console on the running hub (as admin)
#
# The hub starts with the demo (simulated ANPR cameras at Ceuta sites and a sample hotlist)
# unless ATALAYA_DEMO=no:  ATALAYA_DEMO=no ./atalaya.sh start
#
# A rebuilt distribution is unpacked afresh, so a rebuild gives a new hub with new accounts.
#
set -eu
cd "$(dirname "$0")"

version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -n 1)
dist="karaf-assembly/target/atalaya-${version}.tar.gz"
home="target/atalaya"

if [ ! -f "${dist}" ] || [ -n "$(find pom.xml bundles routes features karaf-assembly/src karaf-assembly/pom.xml \
        -newer "${dist}" -type f -not -path '*/target/*' 2>/dev/null | head -n 1)" ]; then
    echo "Building Atalaya (tests skipped; ./mvnw -B install runs them)..."
    ./mvnw -B -q install -DskipTests
fi

if [ ! -d "${home}" ] || [ "${dist}" -nt "${home}/.unpacked" ]; then
    if [ -f "${home}/bin/status" ] && "${home}/bin/status" >/dev/null 2>&1; then
        echo "A hub is running from ${home}: stop it first (./atalaya.sh stop)." >&2
        exit 1
    fi
    rm -rf "${home}"
    mkdir -p "${home}"
    tar -xzf "${dist}" -C "${home}" --strip-components=1
    touch "${home}/.unpacked"
fi

# The demo is a feature the deployer installs from deploy/, and removes when the file goes.
demo="${home}/deploy/atalaya-demo.xml"
case "${1:-}" in
    ""|start)
        if [ "${ATALAYA_DEMO:-yes}" = no ]; then
            rm -f "${demo}"
        else
            cat > "${demo}" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by atalaya.sh: starts the demo. Delete this file (or ATALAYA_DEMO=no) to stop it. -->
<features name="atalaya-demo-deploy" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
    <feature name="atalaya-demo-deploy" version="1" install="auto">
        <feature>atalaya-demo</feature>
    </feature>
</features>
EOF
        fi
        ;;
esac

case "${1:-}" in
    start|stop|status)
        exec "${home}/bin/$1"
        ;;
    client)
        password=$(sed -n 's/^admin = //p' "${home}/etc/atalaya-credentials.txt" 2>/dev/null | head -n 1)
        exec "${home}/bin/client" -u admin ${password:+-p "${password}"}
        ;;
    "")
        exec "${home}/bin/karaf"
        ;;
    *)
        echo "usage: $0 [start|stop|status|client]" >&2
        exit 2
        ;;
esac
