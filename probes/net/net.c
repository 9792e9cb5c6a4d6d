/* net.c - the network interface probe: who registered each NIC's MAC
 * address block (the IEEE OUI), from /sys/class/net/IFACE/address (no
 * root; --root DIR reads DIR/sys). Only interfaces on real hardware (a
 * `device` link) with a universally administered, permanent address count:
 * bridges, veth, bonds and randomised or locally set addresses say nothing of
 * a maker. An interface on a PCI function or USB device already in the BOM
 * joins that component instead of being listed twice. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <linux/ethtool.h>
#include <linux/sockios.h>

#include "../../output/alloc.h"
#include "../../vendor-db/recfile.h"
#include "oui.h"
#include "../import/inventory.h"
#include "../probe.h"

static int any_name(const char *name)
{
	(void)name;
	return 1;
}

static char *attr(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name), *buf = NULL;
	struct hw_err io = {0};
	size_t len;

	if (recfile_slurp(path, &buf, &len, &io) == 0) {
		while (len && (buf[len - 1] == '\n' || buf[len - 1] == ' '))
			len--;
		buf[len] = '\0';
	}
	hw_err_clear(&io);
	free(path);
	return buf;
}

/* "30:fb:b8:12:34:56" to 12 lower-case hex digits; -1 if not a MAC. */
static int mac_digits(const char *s, char out[13])
{
	unsigned b[6];
	char tail;

	if (!s || sscanf(s, "%2x:%2x:%2x:%2x:%2x:%2x%c", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5],
			 &tail) != 6)
		return -1;
	snprintf(out, 13, "%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2], b[3], b[4], b[5]);
	return 0;
}

static struct bom_component *find(struct bom *bom, const char *kind, const char *loc)
{
	for (size_t i = 0; i < bom->ncomponents; i++)
		if (!strcmp(bom->components[i]->kind, kind) &&
		    !strcmp(bom->components[i]->location, loc))
			return bom->components[i];
	return NULL;
}

/* The component of the PCI function or USB device the interface sits on,
 * if a probe listed it: the nearest such directory above its device. */
static struct bom_component *parent_component(const char *devlink, struct bom *bom)
{
	char real[PATH_MAX], loc[80], *p;

	if (!realpath(devlink, real))
		return NULL;
	while ((p = strrchr(real, '/'))) {
		unsigned dom, bus, dev, fn;
		char tail;
		size_t digits = strspn(p + 1, "0123456789");

		if (sscanf(p + 1, "%x:%x:%x.%u%c", &dom, &bus, &dev, &fn, &tail) == 4) {
			snprintf(loc, sizeof loc, "%04x:%02x:%02x.%u", dom, bus, dev, fn);
			return find(bom, "pci", loc);
		}
		/* a USB device directory: BUS-PORTS (1-3.1), not an interface */
		if (digits && p[1 + digits] == '-' && !strchr(p + 1, ':')) {
			snprintf(loc, sizeof loc, "usb:%s", p + 1);
			return find(bom, "usb", loc);
		}
		*p = '\0';
	}
	return NULL;
}

/* Ask the driver through ethtool (live only): the permanent address when
 * the current one was changed, and the firmware version. */
static int ethtool(const char *ifname, void *data)
{
	struct ifreq ifr;
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0), rc;

	if (fd < 0)
		return -1;
	memset(&ifr, 0, sizeof ifr);
	snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "%s", ifname);
	ifr.ifr_data = data;
	rc = ioctl(fd, SIOCETHTOOL, &ifr);
	close(fd);
	return rc;
}

static int permanent_mac(const char *ifname, char out[13])
{
	struct {
		struct ethtool_perm_addr pa;
		unsigned char bytes[32];
	} q;

	memset(&q, 0, sizeof q);
	q.pa.cmd = ETHTOOL_GPERMADDR;
	q.pa.size = sizeof q.bytes;
	if (ethtool(ifname, &q) < 0 || q.pa.size != 6)
		return -1;
	snprintf(out, 13, "%02x%02x%02x%02x%02x%02x", q.pa.data[0], q.pa.data[1], q.pa.data[2],
		 q.pa.data[3], q.pa.data[4], q.pa.data[5]);
	return strcmp(out, "000000000000") ? 0 : -1;
}

static void firmware_of(const char *ifname, struct bom_component *c)
{
	struct ethtool_drvinfo info;

	memset(&info, 0, sizeof info);
	info.cmd = ETHTOOL_GDRVINFO;
	if (ethtool(ifname, &info) == 0 && info.fw_version[0] &&
	    strcmp(info.fw_version, "N/A") && !c->firmware) {
		info.fw_version[sizeof info.fw_version - 1] = '\0';
		bom_set(&c->firmware, info.fw_version);
	}
}

/* The name of the driver bound to the interface's device, or NULL. */
static char *driver_of(const char *devlink)
{
	char *link = xasprintf("%s/driver", devlink), real[PATH_MAX], *p, *name = NULL;

	if (realpath(link, real) && (p = strrchr(real, '/')))
		name = xstrdup(p + 1);
	free(link);
	return name;
}

/* The MAC address and its registrant in the IEEE registries; a registry
 * that cannot be read is warned about once (*registry_ok then 0). */
static void add_mac(struct bom_component *c, const char *mac, const char *ieee_dir,
		    int *registry_ok, struct hw_err *e)
{
	struct oui_hit hit;
	struct hw_err oe = {0};
	char *p;

	bom_add_id(c, "mac", mac, NULL);
	switch (oui_lookup(ieee_dir, mac, &hit, &oe)) {
	case 1:
		for (p = hit.prefix; *p; p++)
			*p = (char)(*p >= 'A' && *p <= 'F' ? *p - 'A' + 'a' : *p);
		bom_add_id(c, "oui", hit.prefix, hit.org);
		bom_add_cprop(c, "oui.registry", hit.registry);
		if (*hit.country)
			bom_add_cprop(c, "oui.country", hit.country);
		break;
	case 0: {
		char oui[7];

		snprintf(oui, sizeof oui, "%.6s", mac);
		bom_add_id(c, "oui", oui, NULL); /* unregistered: a maker nobody knows */
		break;
	}
	default:
		if (*registry_ok)
			hw_warn(e, "net: %s", oe.msg);
		*registry_ok = 0;
	}
	hw_err_clear(&oe);
}

/* The interfaces of an inventory: joined to the PCI function they are, as
 * the sysfs link would join them, else components of their own. */
static int from_inventory(const struct probe_src *src, struct bom *bom, struct hw_err *e)
{
	const struct inventory *inv = src->inv;
	int registry_ok = 1;
	size_t found = 0;

	for (size_t i = 0; i < inv->nnic; i++) {
		const struct inv_nic *n = &inv->nic[i];
		struct bom_component *c = NULL;
		char first[3], loc[32];
		struct lspci_dev a;

		/* universally administered only: a locally set address names nobody */
		memcpy(first, n->mac, 2), first[2] = '\0';
		if (strtoul(first, NULL, 16) & 0x02)
			continue;
		if (n->pci && inv_pci_addr(n->pci, &a) == 0) {
			snprintf(loc, sizeof loc, "%04x:%02x:%02x.%u", a.domain, a.bus, a.dev, a.func);
			c = find(bom, "pci", loc);
		}
		if (!c) {
			snprintf(loc, sizeof loc, "nic%zu", found);
			c = bom_add_component(bom, "nic", n->iface ? n->iface : loc);
			bom_set(&c->description, "network interface");
		}
		if (n->iface)
			bom_add_cprop(c, "net.interface", n->iface);
		if (n->driver)
			bom_add_cprop(c, "net.driver", n->driver);
		add_mac(c, n->mac, src->ieee_dir, &registry_ok, e);
		found++;
	}
	if (!registry_ok)
		bom_set_coverage(bom, "net", "partial",
				 "IEEE registries unreadable: MACs without registrants");
	else
		inv_coverage(inv, INV_NET, found, bom);
	return 0;
}

static int detect(const struct probe_src *src)
{
	return probe_inv(src, INV_NET) || (!src->inv && probe_reads_sysfs(src));
}

static int run_sysfs(const struct probe_src *src, struct bom *bom, struct hw_err *e)
{
	char *dir = src->root ? xasprintf("%s/sys/class/net", src->root) : xstrdup("/sys/class/net");
	size_t n, found = 0;
	char **names = probe_list_dir(dir, any_name, &n);
	int registry_ok = 1;

	if (!names) {
		bom_set_coverage(bom, "net", "absent", "no network interfaces");
		free(dir);
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		char *ifdir = xasprintf("%s/%s", dir, names[i]), *devlink = xasprintf("%s/device", ifdir);
		char *addr = attr(ifdir, "address"), *type = attr(ifdir, "addr_assign_type");
		char mac[13], first[3], *drv;
		struct bom_component *c;
		unsigned octet;

		/* real hardware, with its permanent address: the current one when
		 * its type is 0, else (live) what the driver says it was */
		if (access(devlink, F_OK) != 0 || mac_digits(addr, mac) < 0)
			goto next;
		if (type && strcmp(type, "0") && (src->root || permanent_mac(names[i], mac) < 0))
			goto next;
		/* universally administered: a locally set address names nobody */
		memcpy(first, mac, 2), first[2] = '\0';
		octet = (unsigned)strtoul(first, NULL, 16);
		if (octet & 0x02)
			goto next;
		c = parent_component(devlink, bom);
		if (!c) {
			c = bom_add_component(bom, "nic", names[i]);
			bom_set(&c->description, "network interface");
		}
		bom_add_cprop(c, "net.interface", names[i]);
		if (!src->root)
			firmware_of(names[i], c);
		if ((drv = driver_of(devlink))) {
			bom_add_cprop(c, "net.driver", drv);
			free(drv);
		}
		add_mac(c, mac, src->ieee_dir, &registry_ok, e);
		found++;
	next:
		free(ifdir), free(devlink), free(addr), free(type), free(names[i]);
	}
	bom_set_coverage(bom, "net", !registry_ok ? "partial" : found ? "read" : "absent",
			 !registry_ok ? "IEEE registries unreadable: MACs without registrants"
			 : found     ? "permanent MAC addresses"
				     : "no hardware interface with a permanent universal MAC");
	free(names);
	free(dir);
	return 0;
}

static int run(const struct probe_src *src, struct bom *bom, struct hw_err *e)
{
	return src->inv ? from_inventory(src, bom, e) : run_sysfs(src, bom, e);
}

/* For hwbom capture: of an interface, only what run() would use: nothing of
 * one that is not on hardware, and its address only when it is a permanent,
 * universally administered one (a MAC address is personal data otherwise). */
static int capture_keep(const char *root, const char *rel)
{
	char *iface = xasprintf("%s/%s", root, rel), *slash, *addr = NULL, *type = NULL, mac[13];
	char *devlink, first[3];
	int keep;

	/* rel is sys/class/net/IFACE/...: cut after IFACE */
	slash = strchr(iface + strlen(root) + sizeof "/sys/class/net/" - 1, '/');
	if (slash)
		*slash = '\0';
	devlink = xasprintf("%s/device", iface);
	keep = access(devlink, F_OK) == 0;
	if (keep && slash && !strcmp(slash + 1, "address")) {
		addr = attr(iface, "address");
		type = attr(iface, "addr_assign_type");
		keep = mac_digits(addr, mac) == 0 && (!type || !strcmp(type, "0"));
		if (keep) {
			memcpy(first, mac, 2), first[2] = '\0';
			keep = !(strtoul(first, NULL, 16) & 0x02); /* universal */
		}
	}
	free(addr), free(type), free(devlink), free(iface);
	return keep;
}

/* What run() reads under --root, for hwbom capture (probe.h). */
static const char *const net_reads[] = {
	"sys/class/net/",
	"sys/class/net/*/{device,device/driver,addr_assign_type,address}",
	NULL,
};

const struct probe_ops probe_net = {
	.name = "net",
	.help = "network interfaces: permanent MAC addresses and their IEEE registrants",
	.detect = detect,
	.run = run,
	.reads = net_reads,
	.capture_keep = capture_keep,
};
