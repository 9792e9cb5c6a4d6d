#!/bin/sh
# mkbom.sh N [MOVED] - print a synthetic hwbom BOM of N memory modules, for
# `make bench` and the tests: module i sits in slot DIMM<i> and is part
# P<i> (JEDEC 1:ce, Samsung). With MOVED (a percentage), that share of the
# modules (every 100/MOVED-th) sits in a slot of its own instead: the
# "delivered" BOM that `hwbom diff` compares with the one ordered.
set -eu
n=${1:?usage: $0 N [MOVED]}
moved=${2:-0}
awk -v n="$n" -v moved="$moved" 'BEGIN {
	print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	print "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\" version=\"1\">"
	print "  <metadata><tools><components><component type=\"application\"><name>hwbom</name>" \
		"<version>0.1.0</version></component></components></tools>"
	print "    <component type=\"device\" bom-ref=\"machine\"><name>synthetic</name></component>"
	print "    <properties><property name=\"hwbom:verdict\">clean</property>" \
		"<property name=\"hwbom:as-of\">2024-06-01</property>" \
		"<property name=\"hwbom:coverage:memory\">read</property></properties>"
	print "  </metadata>"
	print "  <components>"
	every = moved > 0 ? int(100 / moved) : 0
	for (i = 1; i <= n; i++) {
		slot = every && i % every == 0 ? sprintf("MOVED%07d", i) : sprintf("DIMM%07d", i)
		printf "    <component type=\"device\" bom-ref=\"memory:%s\"><name>module %d</name><properties>" \
			"<property name=\"hwbom:kind\">memory</property>" \
			"<property name=\"hwbom:location\">%s</property>" \
			"<property name=\"hwbom:id:jedec\">1:ce</property>" \
			"<property name=\"hwbom:id:memory.part\">P%07d</property>" \
			"<property name=\"hwbom:verdict\">clean</property>" \
			"</properties></component>\n", slot, i, slot, i
	}
	print "  </components>"
	print "</bom>"
}'
