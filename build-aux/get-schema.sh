#!/bin/sh
# get-schema.sh DIR - put the CycloneDX 1.6 XSD (and the SPDX XSD it imports)
# into DIR, from the npm package @cyclonedx/cyclonedx-library at a pinned
# version whose integrity is checked. The tests then validate offline.
set -eu

pkg=@cyclonedx/cyclonedx-library
version=10.3.0
integrity=sha512-RIT28sp1U0PCHaaeF3yNRwk6Jig/XJ8UsYAVOMYaHQ+0VVOvsjcp0PTWQFLUqJFF8XMud+Kdq6G+wtDAh+QJFA==

dir=${1:?usage: $0 DIR}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && npm pack --silent "$pkg@$version" >/dev/null)
tgz=$(ls "$tmp"/*.tgz)
got="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
if [ "$got" != "$integrity" ]; then
	echo "get-schema: $pkg@$version: integrity $got, expected $integrity" >&2
	exit 1
fi
tar -xzf "$tgz" -C "$tmp" package/res/schema/bom-1.6.SNAPSHOT.xsd \
	package/res/schema/spdx.SNAPSHOT.xsd package/LICENSE
mkdir -p "$dir"
cp "$tmp"/package/res/schema/bom-1.6.SNAPSHOT.xsd "$tmp"/package/res/schema/spdx.SNAPSHOT.xsd \
	"$tmp"/package/LICENSE "$dir"/
echo "get-schema: $pkg@$version res/schema -> $dir"
