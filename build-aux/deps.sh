#!/bin/sh
# deps.sh build|test|bench - make sure the Debian packages hwbom needs are
# installed. As root, installs what is missing with apt-get; otherwise prints
# the exact command and fails.
set -eu

build="gcc make pkg-config libpci-dev libusb-1.0-0-dev libxml2-dev libarchive-dev libjson-c-dev libssl-dev hwdata pci.ids usb.ids ieee-data"
case "${1:-build}" in
build) want="$build" ;;
test) want="$build libcmocka-dev libxml2-utils openssl umockdev strace dmidecode usbutils python3" ;;
bench) want="$build lshw pciutils hyperfine valgrind usbutils umockdev" ;;
*) echo "usage: $0 build|test|bench" >&2; exit 2 ;;
esac

missing=""
for p in $want; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done
# the tests take the CycloneDX schema from npm; any npm will do
if [ "${1:-build}" = test ] && ! command -v npm >/dev/null 2>&1; then
	missing="$missing npm"
fi
[ -n "$missing" ] || exit 0

if [ "$(id -u)" -eq 0 ]; then
	echo "hwbom: installing:$missing"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
else
	echo "hwbom: these Debian packages are missing:$missing" >&2
	echo "Install them as root, then run make again:" >&2
	echo "  sudo apt-get install$missing" >&2
	exit 1
fi
