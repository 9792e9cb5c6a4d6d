/* scan.c - `hwbom scan`: probe, resolve, judge, write (DESIGN.md §2). */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <libgen.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../output/alloc.h"
#include "../output/cyclonedx.h"
#include "../output/redact.h"
#include "../vendor-db/db.h"
#include "../vendor-db/names.h"
#include "../output/text.h"
#include "../probes/import/inventory.h"
#include "../probes/probe.h"
#include "archive.h"
#include "cleanup.h"
#include "contain.h"
#include "hwbom.h"
#include "judging.h"
#include "outfile.h"
#include "snapshot.h"

struct scan_opts {
	struct probe_src src;
	struct judging j;
	const char *out, *name;
	/* --lshw, --hwinfo, --glpi: the inventory file (or GLPI directory) */
	const char *inv_path;
	int (*inv_load)(const char *path, struct inventory *inv, struct hw_err *e);
	int text, quiet, timestamp, serial, redact, verbose;
};

static void usage(FILE *f)
{
	fputs("Usage: hwbom scan [OPTION]...\n"
	      "Scan this machine, or recorded data of another, and write its BOM.\n"
	      "\n"
	      "Sources (any recorded source means only what is given is read):\n"
	      "  --root DIR          read a captured tree: DIR/sys stands for /sys\n"
	      "  --root FILE.tar.gz  read a capture archive (hwbom capture -o FILE.tar.gz;\n"
	      "                      also .tgz, .tar.bz2, .tar.xz, .tar)\n"
	      "  --pci-dump FILE     read PCI from an lspci -x, -xxx or -xxxx dump\n"
	      "  --lspci FILE        read PCI from lspci's text: -nn, -nnv[vv], -nnk,\n"
	      "                      -mmnn, -vmmnn[k], -tvnn; names-only output (no\n"
	      "                      -nn) is read too, its makers matched by name\n"
	      "  --dmi-dump FILE     read SMBIOS from a dmidecode --dump-bin file\n"
	      "  --lsusb FILE        read USB devices from the text of lsusb, lsusb -v or\n"
	      "                      usb-devices (lsusb -t with lsusb or lsusb -v output\n"
	      "                      in the same file adds port paths)\n"
	      "  --dmidecode FILE    read SMBIOS from dmidecode's text output (plain, -t\n"
	      "                      selections, -u)\n"
	      "  --cpuinfo FILE      read the processor from a /proc/cpuinfo text\n"
	      "  --lshw FILE         read what lshw's output shows (plain text, -xml,\n"
	      "                      -json, -html): PCI, USB, SMBIOS, disks, MACs\n"
	      "  --hwinfo FILE       read what hwinfo's text shows (hwinfo --all, or some\n"
	      "                      of its sections): PCI, USB, SMBIOS, disks, MACs,\n"
	      "                      monitors\n"
	      "  --glpi FILE|DIR     read a GLPI agent inventory (JSON) or a\n"
	      "                      FusionInventory/OCS one (XML); a directory of them\n"
	      "                      gives one BOM each, written to -o DIR\n"
	      "  --pci-ids FILE      PCI names from FILE (default " HWBOM_PCI_IDS ")\n"
	      "  --usb-ids FILE      USB names from FILE (default " HWBOM_USB_IDS ")\n"
	      "  --pnp-ids FILE      display makers' names from FILE (default\n"
	      "                      " HWBOM_PNP_IDS ")\n"
	      "  --ieee-dir DIR      IEEE MAC registries (default " HWBOM_IEEE_DIR ")\n"
	      "  --probe NAME        run only this probe (repeatable): dmi, cpu,\n"
	      "                      memory, pci, usb, storage, display, net, tpm\n"
	      "\n"
	      "Judgement:\n",
	      f);
	fputs(judging_help, f);
	fputs("\n"
	      "Output:\n"
	      "  -o, --output FILE   write to FILE, whole or not at all (default: stdout)\n"
	      "  --format FORMAT     cyclonedx (default, CycloneDX 1.6 XML) or text\n"
	      "  --name NAME         the machine's name in the BOM (default: the host name;\n"
	      "                      for recorded sources, SMBIOS's maker, product and\n"
	      "                      serial)\n"
	      "  --redact            hash serial numbers, UUIDs and MAC addresses (for BOMs\n"
	      "                      that leave the building)\n"
	      "  -v, --verbose       with --format text: every finding's reasons and every\n"
	      "                      source, as well as the summary\n"
	      "  --timestamp         record the time of the scan (output then differs\n"
	      "                      from run to run)\n"
	      "  --serial            give the BOM a random serial number (urn:uuid)\n"
	      "  -q, --quiet         do not print warnings\n"
	      "  -h, --help          show this help\n"
	      "\n"
	      "Exit status: 0 nothing reached --fail-on; 1 something did; 2 usage error or\n"
	      "bad input (the message names the file and line).\n",
	      f);
}

static void now(char buf[21])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* A random RFC 4122 version 4 UUID URN. */
static int make_serial(char buf[46])
{
	unsigned char u[16];
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);

	if (fd < 0 || read(fd, u, sizeof u) != (ssize_t)sizeof u) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	close(fd);
	u[6] = (u[6] & 0x0f) | 0x40;
	u[8] = (u[8] & 0x3f) | 0x80;
	snprintf(buf, 46,
		 "urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		 u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9], u[10], u[11], u[12],
		 u[13], u[14], u[15]);
	return 0;
}

static int parse_opts(int argc, char **argv, struct scan_opts *o)
{
	enum { O_ROOT = 256, O_PCIDUMP, O_LSPCI, O_DMIDUMP, O_DMIDECODE, O_CPUINFO, O_LSUSB,
	       O_PCIIDS, O_USBIDS, O_PNPIDS, O_IEEE, O_PROBE, O_FORMAT, O_NAME, O_TIMESTAMP,
	       O_SERIAL, O_REDACT, O_LSHW, O_HWINFO, O_GLPI };
	static const struct option longopts[] = {
		{"root", required_argument, NULL, O_ROOT},
		{"pci-dump", required_argument, NULL, O_PCIDUMP},
		{"lspci", required_argument, NULL, O_LSPCI},
		{"dmi-dump", required_argument, NULL, O_DMIDUMP},
		{"lsusb", required_argument, NULL, O_LSUSB},
		{"dmidecode", required_argument, NULL, O_DMIDECODE},
		{"cpuinfo", required_argument, NULL, O_CPUINFO},
		{"lshw", required_argument, NULL, O_LSHW},
		{"hwinfo", required_argument, NULL, O_HWINFO},
		{"glpi", required_argument, NULL, O_GLPI},
		{"pci-ids", required_argument, NULL, O_PCIIDS},
		{"usb-ids", required_argument, NULL, O_USBIDS},
		{"pnp-ids", required_argument, NULL, O_PNPIDS},
		{"ieee-dir", required_argument, NULL, O_IEEE},
		{"probe", required_argument, NULL, O_PROBE},
		JUDGING_LONGOPTS,
		{"format", required_argument, NULL, O_FORMAT},
		{"name", required_argument, NULL, O_NAME},
		{"timestamp", no_argument, NULL, O_TIMESTAMP},
		{"serial", no_argument, NULL, O_SERIAL},
		{"redact", no_argument, NULL, O_REDACT},
		{"verbose", no_argument, NULL, 'v'},
		{"output", required_argument, NULL, 'o'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;

	judging_init(&o->j);
	o->src.pci_ids = HWBOM_PCI_IDS;
	o->src.usb_ids = HWBOM_USB_IDS;
	o->src.pnp_ids = HWBOM_PNP_IDS;
	o->src.ieee_dir = HWBOM_IEEE_DIR;
	optind = 1;
	while ((c = getopt_long(argc, argv, "o:qvh", longopts, NULL)) != -1) {
		switch (c) {
		case O_ROOT: o->src.root = optarg; break;
		case O_PCIDUMP: o->src.pci_dump = optarg; break;
		case O_LSPCI: o->src.lspci = optarg; break;
		case O_DMIDUMP: o->src.dmi_dump = optarg; break;
		case O_LSUSB: o->src.lsusb = optarg; break;
		case O_DMIDECODE: o->src.dmidecode = optarg; break;
		case O_CPUINFO: o->src.cpuinfo = optarg; break;
		case O_LSHW:
		case O_HWINFO:
		case O_GLPI:
			if (o->inv_path) {
				msg_error("--%s %s: give one inventory (--lshw, --hwinfo or --glpi)",
					  c == O_LSHW ? "lshw" : c == O_HWINFO ? "hwinfo" : "glpi", optarg);
				return -1;
			}
			o->inv_path = optarg;
			o->inv_load = c == O_LSHW ? lshw_load : c == O_HWINFO ? hwinfo_load : glpi_load;
			break;
		case O_PCIIDS: o->src.pci_ids = optarg; break;
		case O_USBIDS: o->src.usb_ids = optarg; break;
		case O_PNPIDS: o->src.pnp_ids = optarg; break;
		case O_IEEE: o->src.ieee_dir = optarg; break;
		case O_PROBE:
			if (probe_select(&o->src, optarg) < 0) {
				msg_error("--probe %s: no such probe (%s)", optarg, probe_names());
				return -1;
			}
			break;
		case O_FORMAT:
			if (!strcmp(optarg, "text")) {
				o->text = 1;
			} else if (strcmp(optarg, "cyclonedx")) {
				msg_error("--format %s: use cyclonedx or text", optarg);
				return -1;
			}
			break;
		case O_NAME: o->name = optarg; break;
		case O_TIMESTAMP: o->timestamp = 1; break;
		case O_SERIAL: o->serial = 1; break;
		case O_REDACT: o->redact = 1; break;
		case 'v': o->verbose = 1; break;
		case 'o': o->out = optarg; break;
		case 'q': o->quiet = 1; break;
		case 'h': usage(stdout); exit(0);
		default:
			if (c >= JUDGING_OPT && c < J_END) {
				if (judging_opt(&o->j, c, optarg) < 0)
					return -1;
				break;
			}
			fputs("Try 'hwbom scan --help'.\n", stderr); return -1;
		}
	}
	if (o->src.pci_dump && o->src.lspci) {
		msg_error("--pci-dump and --lspci: give one source of PCI functions");
		return -1;
	}
	if (o->src.dmi_dump && o->src.dmidecode) {
		msg_error("--dmi-dump and --dmidecode: give one SMBIOS source");
		return -1;
	}
	if (o->inv_path && o->src.root) {
		msg_error("--root with --%s: give the captured tree or the inventory",
			  o->inv_load == lshw_load ? "lshw" : o->inv_load == hwinfo_load ? "hwinfo" : "glpi");
		return -1;
	}
	if (optind < argc) {
		msg_error("unexpected argument '%s' (try 'hwbom scan --help')", argv[optind]);
		return -1;
	}
	return judging_check(&o->j);
}

/* The machine's name: given; for a live scan, the host's; for recorded
 * sources, the host name an inventory gives, else from SMBIOS (system
 * maker, product and serial, placeholders left out) once probed: NULL here. */
static char *machine_name(const struct scan_opts *o)
{
	char buf[256];

	if (o->name)
		return xstrdup(o->name);
	/* an inventory's own host name */
	if (o->src.inv && o->src.inv->name)
		return xstrdup(o->src.inv->name);
	if (probe_src_recorded(&o->src))
		return NULL;
	if (gethostname(buf, sizeof buf) == 0) {
		buf[sizeof buf - 1] = '\0';
		return xstrdup(buf);
	}
	return xstrdup("localhost");
}

/* "MAKER PRODUCT SERIAL" of the SMBIOS system, or NULL. Free with free(). */
static char *smbios_name(const struct bom *b, const struct db *db)
{
	static const char *const parts[] = {"smbios.manufacturer", "smbios.product", "smbios.serial"};
	char *name = NULL, *t;

	for (size_t i = 0; i < b->ncomponents; i++) {
		if (strcmp(b->components[i]->kind, "system"))
			continue;
		for (size_t k = 0; k < sizeof parts / sizeof *parts; k++) {
			const char *v = bom_id_value(b->components[i], parts[k]);

			if (!v || db_placeholder(db, v))
				continue;
			t = xasprintf("%s%s%s", name ? name : "", name ? " " : "", v);
			free(name);
			name = t;
		}
		break;
	}
	return name;
}

static int write_bom(const struct scan_opts *o, struct bom *b, struct hw_err *e)
{
	char stamp[21], serial[46];
	struct cdx_opts co = {.tool_version = HWBOM_VERSION};
	struct outfile out;

	if (o->timestamp) {
		now(stamp);
		co.timestamp = stamp;
	}
	if (o->serial) {
		if (make_serial(serial) < 0)
			return hw_fail(e, "cannot read /dev/urandom for --serial");
		co.serial = serial;
	}
	if (outfile_open(&out, o->out, e) < 0)
		return -1;
	if ((o->text ? text_write(b, out.f, o->verbose, e) : cyclonedx_write(b, out.f, &co, e)) < 0) {
		hw_prefix(e, "%s", o->out ? o->out : "standard output");
		outfile_abort(&out);
		return -1;
	}
	return outfile_commit(&out, e);
}

/* m with each "ROOT/" of the unpacked copy of an archive written as
 * "ARCHIVE:" (the user named the archive, not our temporary copy). Free
 * with free(). */
static char *name_archive(const char *m, const char *root, const char *archive)
{
	char *pre = root ? xasprintf("%s/", root) : NULL, *out, *o;
	size_t n = pre ? strlen(pre) : 0, count = 0;
	const char *p, *q;

	if (!pre)
		return xstrdup(m);
	for (p = m; (q = strstr(p, pre)); p = q + n)
		count++;
	out = o = xmalloc(strlen(m) + count * (strlen(archive) + 1) + 1);
	for (p = m; (q = strstr(p, pre)); p = q + n) {
		memcpy(o, p, (size_t)(q - p));
		o += q - p;
		o += sprintf(o, "%s:", archive);
	}
	strcpy(o, p);
	free(pre);
	return out;
}

/* The database and the policies, loaded on a second thread while the
 * probes read the hardware: the two are independent, and each costs a few
 * milliseconds (the database's parse; libpci's of pci.ids). */
struct loader {
	struct judging *j;
	struct hw_err e;
	int rc;
};

static void *load_main(void *arg)
{
	struct loader *l = arg;

	l->rc = judging_load(l->j, &l->e);
	return NULL;
}

static int inventory_file(const char *name)
{
	size_t n = strlen(name);

	return (n > 5 && !strcmp(name + n - 5, ".json")) || (n > 4 && !strcmp(name + n - 4, ".xml")) ||
	       (n > 4 && !strcmp(name + n - 4, ".ocs"));
}

/* --glpi DIR -o OUTDIR: one BOM a GLPI inventory, named after its file
 * (host.json -> OUTDIR/host.xml). A bad inventory is reported and passed
 * over (no BOM for it; exit status 2 at the end); the others are written. */
static int scan_dir(struct scan_opts *o)
{
	const char *dir = o->inv_path, *outdir = o->out;
	struct hw_err e = {0};
	size_t n;
	char **names;
	int worst = 0, bad = 0;
	char date[11];
	struct stat st;

	if (!outdir) {
		msg_error("--glpi %s is a directory: give -o DIR for its BOMs", dir);
		judging_clear(&o->j);
		return EXIT_BAD;
	}
	if (o->name) {
		msg_error("--name with --glpi DIR: each BOM is named after its inventory");
		judging_clear(&o->j);
		return EXIT_BAD;
	}
	if (stat(outdir, &st) < 0 && mkdir(outdir, 0777) < 0) {
		msg_error("%s: %s", outdir, strerror(errno));
		judging_clear(&o->j);
		return EXIT_BAD;
	}
	if (judging_load(&o->j, &e) < 0) {
		msg_error("%s", e.msg);
		hw_err_clear(&e);
		judging_clear(&o->j);
		return EXIT_BAD;
	}
	names = probe_list_dir(dir, inventory_file, &n);
	if (!names || !n)
		msg_warning("%s: no inventory (*.json, *.xml, *.ocs) in it", dir);
	today_utc(date);
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]), *base = xstrdup(names[i]), *out;
		struct inventory inv = {0};
		struct hw_err fe = {0};
		struct bom *b = NULL;
		struct scan_opts one = *o;
		int rc;

		*strrchr(base, '.') = '\0';
		out = xasprintf("%s/%s.%s", outdir, base, o->text ? "txt" : "xml");
		/* host.json and host.xml would write one BOM over the other */
		if (i > 0 && !strncmp(names[i - 1], base, strlen(base)) &&
		    names[i - 1][strlen(base)] == '.') {
			hw_fail(&fe, "%s: the same BOM name as %s/%s (%s): left out", path, dir,
				names[i - 1], out);
			goto failed;
		}
		one.out = out;
		one.src.inv = &inv;
		if (glpi_load(path, &inv, &fe) < 0)
			goto failed;
		b = bom_new();
		bom_set(&b->as_of, o->j.as_of ? o->j.as_of : date);
		bom_set(&b->machine, inv.name ? inv.name : base);
		if (probe_run_all(&one.src, b, &fe) < 0)
			goto failed;
		bom_sort(b);
		judging_apply(&o->j, b);
		if (o->redact && bom_redact(b) < 0) {
			hw_fail(&fe, "--redact: SHA-256 failed");
			goto failed;
		}
		if (write_bom(&one, b, &fe) < 0)
			goto failed;
		rc = judging_status(&o->j, b);
		worst = rc > worst ? rc : worst;
		goto done;
	failed:
		msg_error("%s", fe.msg);
		bad = 1;
	done:
		if (!o->quiet)
			for (size_t k = 0; k < fe.nwarnings; k++)
				msg_warning("%s", fe.warnings[k]);
		hw_err_clear(&fe);
		bom_free(b);
		inventory_free(&inv);
		free(path), free(base), free(out);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	hw_err_clear(&e);
	judging_clear(&o->j);
	return bad ? EXIT_BAD : worst;
}

int cmd_scan(int argc, char **argv)
{
	struct scan_opts o = {0};
	struct hw_err e = {0};
	struct loader l = {0};
	struct bom *b = NULL;
	char date[11], *name, *unpacked = NULL, *root = NULL, *m;
	const char *archive = NULL;
	pthread_t thread;
	int rc = EXIT_BAD, threaded, probed;
	struct stat st;
	struct inventory inv = {0};

	if (parse_opts(argc, argv, &o) < 0)
		return EXIT_BAD;
	if (o.inv_path && o.inv_load == glpi_load && stat(o.inv_path, &st) == 0 &&
	    S_ISDIR(st.st_mode))
		return scan_dir(&o);
	if (o.inv_path) {
		if (o.inv_load(o.inv_path, &inv, &e) < 0) {
			msg_error("%s", e.msg);
			hw_err_clear(&e);
			inventory_free(&inv);
			judging_clear(&o.j);
			return EXIT_BAD;
		}
		o.src.inv = &inv;
	}
	name = machine_name(&o);
	/* --root FILE: a capture archive, read from a private copy */
	if (o.src.root && stat(o.src.root, &st) == 0 && !S_ISDIR(st.st_mode)) {
		if (!(root = archive_unpack(o.src.root, &unpacked, &e))) {
			msg_error("%s", e.msg);
			rc = EXIT_BAD;
			goto unpack_failed;
		}
		archive = o.src.root;
		o.src.root = root;
	} else if (o.src.root && contain_check(o.src.root, 0, o.src.root, "the tree", &e) < 0) {
		/* a directory: what the probes read proved inside it first */
		msg_error("%s", e.msg);
		rc = EXIT_BAD;
		goto unpack_failed;
	}
	l.j = &o.j;
	threaded = pthread_create(&thread, NULL, load_main, &l) == 0;
	if (!threaded)
		load_main(&l);
	b = bom_new();
	today_utc(date);
	bom_set(&b->as_of, o.j.as_of ? o.j.as_of : date);
	bom_set(&b->machine, name);
	probed = probe_run_all(&o.src, b, &e);
	if (threaded)
		pthread_join(thread, NULL);
	if (l.rc < 0) {
		/* a broken database or policy comes first: nothing can be judged */
		memcpy(e.msg, l.e.msg, sizeof e.msg);
		goto out;
	}
	if (!b->machine) {
		/* placeholders ("System Product Name") name no machine either */
		char *sm = smbios_name(b, o.j.db);

		bom_set(&b->machine, sm ? sm : "unnamed machine");
		free(sm);
	}
	if (probed < 0)
		goto out;
	bom_sort(b);
	bom_unique_refs(b); /* before judging: waivers name components by ref */
	judging_apply(&o.j, b);
	if (o.redact && bom_redact(b) < 0) {
		hw_fail(&e, "--redact: SHA-256 failed");
		goto out;
	}
	if (write_bom(&o, b, &e) < 0)
		goto out;
	rc = judging_status(&o.j, b);
	if (!o.quiet && (m = judging_unmet(&o.j, b))) {
		msg_warning("--require %s: %s", o.j.require == REQUIRE_READ ? "read" : "complete", m);
		free(m);
	}
out:
	if (!o.quiet)
		for (size_t i = 0; i < e.nwarnings; i++) {
			m = name_archive(e.warnings[i], root, archive);
			msg_warning("%s", m);
			free(m);
		}
	if (rc == EXIT_BAD) {
		m = name_archive(e.msg, root, archive);
		msg_error("%s", m);
		free(m);
	}
	hw_err_clear(&l.e);
	bom_free(b);
	judging_clear(&o.j);
unpack_failed:
	hw_err_clear(&e);
	if (unpacked)
		cleanup_remove(unpacked);
	free(unpacked), free(root), free(name);
	inventory_free(&inv);
	return rc;
}
