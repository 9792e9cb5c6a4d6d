# hwbom - hardware bill of materials with origin. Plain GNU make.
#
#   make            build ./hwbom
#   make run        install what is missing (Debian), build, scan this machine
#   make test       install what is missing, build, run every test
#   make check-asan the tests under AddressSanitizer + UndefinedBehaviorSanitizer
#   make bench      timings (see build-aux/bench.sh)
#   make corpus-check  scan every machine of ../shared/corpus, one line each (a report)
#   make population-check DMI=DIR [N=2000 SEED=11 POP=README.md]  the database
#                   measured on a random sample of real machines (a report)
#   make fuzz       libFuzzer targets, FUZZ_SECONDS each (clang)
#   make install    PREFIX=/usr/local DESTDIR=
#
# CI=true (as CI sets it) turns warnings into errors.

VERSION  := 0.1.0
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
DATADIR  ?= $(PREFIX)/share/hwbom
MANDIR   ?= $(PREFIX)/share/man
PCI_IDS  ?= /usr/share/misc/pci.ids
USB_IDS  ?= /usr/share/misc/usb.ids
PNP_IDS  ?= /usr/share/hwdata/pnp.ids
IEEE_DIR ?= /usr/share/ieee-data

BUILD    ?= build
CC       ?= cc
CFLAGS   ?= -O2 -g
PKGS     := libpci libusb-1.0 libxml-2.0 libarchive json-c libcrypto
WARN     := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wformat=2 -Wvla -Wpointer-arith -Wundef -Wno-format-nonliteral
ifeq ($(CI),true)
WARN     += -Werror
endif
ifdef SANITIZE
CFLAGS   += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS  += -fsanitize=address,undefined
endif

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = -std=gnu11 -pthread $(WARN) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP \
             -DHWBOM_VERSION='"$(VERSION)"' -DHWBOM_DATADIR='"$(DATADIR)"' \
             -DHWBOM_PCI_IDS='"$(PCI_IDS)"' -DHWBOM_USB_IDS='"$(USB_IDS)"' \
             -DHWBOM_PNP_IDS='"$(PNP_IDS)"' -DHWBOM_IEEE_DIR='"$(IEEE_DIR)"'

# Everything but the command line: the unit tests link it too.
LIB_SRC  := output/alloc.c output/err.c output/infile.c output/sanitize.c output/termsafe.c output/bom.c output/roles.c output/redact.c \
            output/cyclonedx.c output/bom_read.c output/bom_diff.c output/purchase.c output/text.c \
            output/foreign_map.c output/bom_foreign.c \
            vendor-db/recfile.c vendor-db/db.c vendor-db/names.c vendor-db/holding.c \
            vendor-db/stateown.c vendor-db/match.c \
            probes/probe.c \
            probes/dmi/dmi.c probes/dmi/dmi_build.c probes/dmi/dmi_table.c probes/dmi/dmi_names.c \
            probes/dmi/dmidecode_text.c probes/dmi/smbios.c \
            probes/cpu/cpu.c probes/cpu/cpu_info.c \
            probes/pci/pci.c probes/pci/pci_check.c probes/pci/pci_names.c probes/pci/pci_component.c \
            probes/pci/pci_dump.c probes/pci/lspci_text.c probes/pci/lspci_fields.c probes/pci/lspci_lines.c \
            probes/pci/lspci_vmm.c probes/pci/lspci_tree.c \
            probes/usb/usb.c probes/usb/usb_desc.c probes/usb/usb_ids.c probes/usb/lsusb_text.c \
            probes/display/display.c probes/display/edid.c probes/storage/storage.c \
            probes/net/net.c probes/net/oui.c probes/net/oui_index.c probes/memory/spd.c probes/memory/jep106.c \
            probes/tpm/tpm.c probes/tpm/tpm_vendor.c \
            probes/import/inventory.c probes/import/json_util.c probes/import/lshw_tree.c \
            probes/import/lshw_text.c probes/import/lshw_xml.c probes/import/lshw_json.c \
            probes/import/lshw_build.c probes/import/hwinfo_text.c probes/import/glpi.c \
            scanner/policy.c scanner/waiver.c scanner/resolve.c scanner/judge.c scanner/outfile.c \
            scanner/snapshot.c scanner/archive.c scanner/contain.c scanner/cleanup.c scanner/witness.c scanner/unseen.c
MAIN_SRC := scanner/main.c scanner/scan.c scanner/judging.c scanner/check.c scanner/diffcmd.c \
            scanner/datadir.c scanner/dbcmd.c scanner/policycmd.c scanner/capture.c
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
MAIN_OBJ := $(MAIN_SRC:%.c=$(BUILD)/%.o)

UNIT     := sanitize termsafe bom recfile db policy cyclonedx pci_check names usb_desc lsusb_text smbios dmi_table match jep106 largest \
            dmidecode_text cpu_info edid tpm_vendor oui waiver holding lspci_text bom_diff inventory foreign_map
UNIT_BIN := $(UNIT:%=$(BUILD)/tests/test_%)
REPLAY   := sanitize db pci_dump usb_desc lsusb_text smbios blobs bom_read dmidecode lspci \
            purchase spd oui_index waiver profile
REPLAY_BIN := $(REPLAY:%=$(BUILD)/tests/replay_%)
SCHEMA   := tests/schema/bom-1.6.SNAPSHOT.xsd

all: hwbom

hwbom: $(BUILD)/hwbom
	cp $< $@

FORCE:

$(BUILD)/hwbom: $(LIB_OBJ) $(MAIN_OBJ)
	$(CC) $(LDFLAGS) -pthread -o $@ $(filter %.o,$^) $(PKG_LIBS)

# Rebuild when a setting compiled into the objects changes (make install
# PREFIX=/usr after a plain make must not keep /usr/local inside).
FLAGS_KEY := $(VERSION) $(DATADIR) $(PCI_IDS) $(USB_IDS) $(PNP_IDS) $(IEEE_DIR) $(CC) $(CFLAGS) $(WARN)
$(BUILD)/.flags: FORCE
	@mkdir -p $(BUILD)
	@echo '$(FLAGS_KEY)' | cmp -s - $@ || echo '$(FLAGS_KEY)' >$@

$(BUILD)/%.o: %.c $(BUILD)/.flags
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/test_%: tests/unit/test_%.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(shell pkg-config --cflags cmocka) -DSRCDIR='"$(CURDIR)"' \
		$(LDFLAGS) -o $@ $(filter %.c %.o,$^) $(PKG_LIBS) $(shell pkg-config --libs cmocka)

# --- the README's two commands ----------------------------------------------

deps:
	@build-aux/deps.sh build

deps-test:
	@build-aux/deps.sh test

# Scan this machine: the BOM to hwbom.xml, and the same scan as a table.
run: deps
	@$(MAKE) --no-print-directory all
	@./hwbom scan -o hwbom.xml; rc=$$?; \
	  [ $$rc -le 1 ] || exit $$rc; \
	  ./hwbom scan --format text -q --fail-on never; \
	  echo; echo "hwbom.xml: the CycloneDX BOM of this machine (hwbom exit status $$rc)"

$(SCHEMA):
	build-aux/get-schema.sh tests/schema

schema: $(SCHEMA)

test: deps-test
	@$(MAKE) --no-print-directory hwbom $(UNIT_BIN) $(REPLAY_BIN) $(SCHEMA)
	tests/run-tests.sh $(BUILD) ./hwbom

check-asan: deps-test
	@$(MAKE) --no-print-directory BUILD=build/asan SANITIZE=1 build/asan/hwbom \
		$(UNIT_BIN:$(BUILD)/%=build/asan/%) $(REPLAY_BIN:$(BUILD)/%=build/asan/%) $(SCHEMA)
	ASAN_OPTIONS=detect_leaks=1:verify_asan_link_order=0 UBSAN_OPTIONS=print_stacktrace=1 \
		tests/run-tests.sh build/asan build/asan/hwbom

# A report on other people's captures where they are (not part of test).
CORPUS ?= ../shared/corpus
corpus-check: hwbom $(SCHEMA)
	@build-aux/corpus-check.sh ./hwbom $(CORPUS)

# The database on a random sample of real machines' dmidecode text (a
# folder or a git repository of files, e.g. the linuxhw/DMI collection) and,
# with POP=, on a PCI device population (linuxhw/DevicePopulation's
# README.md): a report, not part of test (build-aux/population-check.py).
N    ?= 2000
SEED ?= 11
population-check: hwbom
	@test -n "$(DMI)" || { echo "make population-check DMI=DIR [N=2000 SEED=11 POP=README.md]"; exit 2; }
	@build-aux/population-check.py --hwbom ./hwbom --dmi "$(DMI)" --n $(N) --seed $(SEED) \
		$(if $(POP),--pop "$(POP)") $(if $(UNRESOLVED),--unresolved-out "$(UNRESOLVED)")

bench: hwbom $(BUILD)/resolve_bench
	build-aux/bench.sh ./hwbom
	@echo; echo "== 5. the database =="; $(BUILD)/resolve_bench vendor-db $(IEEE_DIR)
	@echo; echo "== 5b. a synthetic database five times the size (build-aux/synth-db.py) =="
	@build-aux/synth-db.py 5 vendor-db $(BUILD)/bench-db5 && $(BUILD)/resolve_bench $(BUILD)/bench-db5 $(IEEE_DIR)

$(BUILD)/resolve_bench: tests/bench/resolve_bench.c $(LIB_OBJ)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(filter %.c %.o,$^) $(PKG_LIBS)

# libFuzzer targets (clang): FUZZ_SECONDS each, seeded with the fixtures and
# the regression inputs. A target fails the run on anything libFuzzer
# reports: a crash, a leak, a timeout (FUZZ_TIMEOUT s an input), running out
# of memory (FUZZ_RSS_MB), its exit status or any artifact it leaves in
# build/fuzz/artifacts/TARGET/ (crash-, leak-, timeout-, oom-, slow-unit-).
# The library is built for it by clang without -Werror (CI= : clang warns of
# what gcc accepts, and CI builds with gcc).
FUZZ_ALL     := sanitize db pci_dump usb_desc lsusb_text smbios blobs bom_read dmidecode lspci \
                archive purchase lshw hwinfo glpi spd oui_index waiver profile
FUZZ         ?= $(FUZZ_ALL)
FUZZ_SECONDS ?= 60
FUZZ_TIMEOUT ?= 25
FUZZ_RSS_MB  ?= 2560
FUZZ_CFLAGS  := -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_DEFS     = -DFIXTURES='"$(CURDIR)/tests/fixtures"' -DSCHEMA='"$(CURDIR)/$(SCHEMA)"' \
                -DVENDOR_DB='"$(CURDIR)/vendor-db"'
fuzz: hwbom $(SCHEMA)
	@$(MAKE) -s --no-print-directory CI= BUILD=build/fuzz CC=clang CFLAGS="$(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link" \
		$(LIB_SRC:%.c=build/fuzz/%.o)
	@mkdir -p build/fuzz/corpus
	@for t in $(FUZZ); do \
	  clang $(FUZZ_CFLAGS) $(PKG_CFLAGS) $(FUZZ_DEFS) \
	    -o build/fuzz/fuzz_$$t tests/fuzz/fuzz_$$t.c $(LIB_SRC:%.c=build/fuzz/%.o) $(PKG_LIBS) || exit 1; \
	done
	@mkdir -p $(FUZZ_ALL:%=build/fuzz/corpus/%)
	@cp tests/fixtures/inventory/vm.lshw.* build/fuzz/corpus/lshw/
	@cp tests/fixtures/inventory/vm.hwinfo tests/fixtures/inventory/fuzz-regress/*.hwinfo \
		build/fuzz/corpus/hwinfo/
	@cp tests/fixtures/inventory/vm.ocs tests/fixtures/inventory/glpi-dir/* build/fuzz/corpus/glpi/
	@cp tests/e2e/expected/huawei-taishan.out build/fuzz/corpus/bom_read/taishan.xml
	@cp tests/fixtures/inventory/vendor-hbom.xml tests/fixtures/inventory/vm.cdx-hbom.json \
		build/fuzz/corpus/bom_read/
	@cp tests/fixtures/purchase/*.xml build/fuzz/corpus/purchase/
	@cp vendor-db/data/*.db tests/fixtures/db/data/*.db build/fuzz/corpus/db/
	@cp tests/fixtures/pci/*.dump build/fuzz/corpus/pci_dump/
	@cp tests/fixtures/lspci/*.lspci build/fuzz/corpus/lspci/
	@cp tests/fixtures/dmi/*.bin build/fuzz/corpus/smbios/
	@cp tests/fixtures/lsusb/*.lsusb* tests/fixtures/lsusb/*.usb-devices build/fuzz/corpus/lsusb_text/
	@cp tests/fixtures/dmi/text/*.txt build/fuzz/corpus/dmidecode/
	@cp tests/fixtures/root/spd/sys/bus/i2c/drivers/ee1004/*/eeprom build/fuzz/corpus/spd/ 2>/dev/null || true
	@cp tests/fixtures/waivers/*.waivers build/fuzz/corpus/waiver/
	@cp vendor-db/policies/profiles/*.profile build/fuzz/corpus/profile/
	@./hwbom capture -q --from tests/fixtures/root/nics -o build/fuzz/corpus/archive/nics.tar.gz 2>/dev/null || \
	  test -e build/fuzz/corpus/archive/nics.tar.gz
	@failed=""; for t in $(FUZZ); do \
	  echo "fuzz_$$t: $(FUZZ_SECONDS) s"; \
	  rm -rf build/fuzz/artifacts/$$t; mkdir -p build/fuzz/artifacts/$$t; \
	  seeds=build/fuzz/corpus/$$t; [ -d tests/fuzz/regression/$$t ] && seeds="$$seeds tests/fuzz/regression/$$t"; \
	  rm -rf build/fuzz/tmp; mkdir -p build/fuzz/tmp; \
	  TMPDIR=$(CURDIR)/build/fuzz/tmp build/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=$(FUZZ_TIMEOUT) \
	    -rss_limit_mb=$(FUZZ_RSS_MB) -print_final_stats=1 \
	    -artifact_prefix=build/fuzz/artifacts/$$t/ $$seeds >build/fuzz/fuzz_$$t.log 2>&1; \
	  rc=$$?; \
	  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|SUMMARY)|ERROR|^==[0-9]+==" build/fuzz/fuzz_$$t.log | head -20; \
	  if [ $$rc -ne 0 ] || [ -n "$$(ls build/fuzz/artifacts/$$t)" ]; then \
	    echo "fuzz_$$t: FAILED (exit status $$rc; artifacts: $$(ls build/fuzz/artifacts/$$t | tr '\n' ' '))"; \
	    failed="$$failed $$t"; \
	  fi; \
	done; \
	rm -rf build/fuzz/tmp; \
	if [ -n "$$failed" ]; then echo "fuzz: failed:$$failed (logs build/fuzz/fuzz_*.log)"; exit 1; fi

# The same targets as plain programs (gcc, no libFuzzer): tests/fuzz/replay.c
# feeds them the files of tests/fuzz/regression/TARGET/, every input that
# once found a bug; `make test` and `make check-asan` run them.
$(BUILD)/tests/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz_oracle.h $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(FUZZ_DEFS) $(LDFLAGS) -o $@ $(filter %.c %.o,$^) $(PKG_LIBS)

# --- installation -----------------------------------------------------------

install: hwbom
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/data $(DESTDIR)$(DATADIR)/policies \
		$(DESTDIR)$(MANDIR)/man1
	install -m 755 hwbom $(DESTDIR)$(BINDIR)/hwbom
	install -m 644 vendor-db/data/*.db $(DESTDIR)$(DATADIR)/data/
	install -m 644 vendor-db/policies/*.policy $(DESTDIR)$(DATADIR)/policies/
	install -d $(DESTDIR)$(DATADIR)/policies/profiles
	install -m 644 vendor-db/policies/profiles/*.profile $(DESTDIR)$(DATADIR)/policies/profiles/
	install -m 644 scanner/hwbom.1 $(DESTDIR)$(MANDIR)/man1/hwbom.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/hwbom $(DESTDIR)$(MANDIR)/man1/hwbom.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build hwbom hwbom.xml

.PHONY: all deps deps-test run schema test check-asan bench corpus-check population-check fuzz \
	install uninstall clean FORCE
.SECONDARY:

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
