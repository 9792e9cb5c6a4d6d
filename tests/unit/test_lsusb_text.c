/* test_lsusb_text.c - the parser of lsusb, lsusb -v, lsusb -t and
 * usb-devices text (probes/usb/lsusb_text.c). The texts follow what usbutils
 * 014 writes; tests/fixtures/lsusb/ holds whole files made by the tools. */
#include "testutil.h"

#include "../../output/alloc.h"
#include "../../output/err.h"
#include "../../probes/usb/lsusb_text.h"

struct result {
	struct usb_dev *devs;
	size_t n, cap;
	const char *format;
	struct hw_err e;
	int rc;
};

static void parse(struct result *r, const char *text)
{
	memset(r, 0, sizeof *r);
	r->rc = lsusb_text_parse("t.txt", text, strlen(text), &r->devs, &r->n, &r->cap, &r->format,
				 &r->e);
}

static void done(struct result *r)
{
	for (size_t i = 0; i < r->n; i++)
		for (int k = 0; k < 3; k++)
			free(r->devs[i].str[k]);
	free(r->devs);
	hw_err_clear(&r->e);
}

/* parse must fail with a message that starts with want */
static void fails(const char *text, const char *want)
{
	struct result r;

	parse(&r, text);
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.n, 0);
	if (strncmp(r.e.msg, want, strlen(want)))
		fail_msg("message \"%s\", expected \"%s...\"", r.e.msg, want);
	done(&r);
}

static void test_plain(void **state)
{
	struct result r;

	(void)state;
	parse(&r, "Bus 002 Device 004: ID 0781:5583 SanDisk Corp. \n"
		  "Bus 002 Device 001: ID 1d6b:0002 Linux Foundation 2.0 root hub\n");
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.format, "lsusb");
	assert_int_equal(r.n, 2);
	assert_int_equal(r.devs[0].vendor, 0x0781);
	assert_int_equal(r.devs[0].product, 0x5583);
	assert_int_equal(r.devs[0].devnum, 4);
	assert_int_equal(r.devs[0].bus, 2);
	assert_int_equal(r.devs[0].lacks, USB_LACKS_PORTS | USB_LACKS_DESC | USB_LACKS_STRINGS |
						  USB_LACKS_IFACES);
	/* the rest of the line is names or strings: not taken */
	assert_null(r.devs[0].str[0]);
	/* device 1 is the root hub, at port path "0" */
	assert_int_equal(r.devs[1].lacks & USB_LACKS_PORTS, 0);
	assert_int_equal(r.devs[1].nports, 0);
	done(&r);
}

/* lsusb -v of a composite device: two interfaces, the second with two
 * altsettings; one string lsusb could not read. */
static const char verbose[] =
	"$ sudo lsusb -v\n"
	"\n"
	"Bus 001 Device 005: ID 17ef:6047 Lenovo ThinkPad Compact Keyboard\n"
	"Couldn't open device, some information will be missing\n"
	"Negotiated speed: Full Speed (12Mbps)\n"
	"Device Descriptor:\n"
	"  bLength                18\n"
	"  bcdUSB               2.00\n"
	"  bDeviceClass            0 \n"
	"  idVendor           0x17ef Lenovo\n"
	"  idProduct          0x6047 ThinkPad Compact Keyboard with TrackPoint\n"
	"  bcdDevice            3.00\n"
	"  iManufacturer           1 Lenovo\n"
	"  iProduct                2 ThinkPad \033[2J Keyboard  \n"
	"  iSerial                 3 \n"
	"  bNumConfigurations      1\n"
	"  Configuration Descriptor:\n"
	"    bLength                 9\n"
	"    bNumInterfaces          2\n"
	"    bConfigurationValue     1\n"
	"    Interface Association:\n"
	"      bFirstInterface         0\n"
	"      bInterfaceCount         2\n"
	"      bFunctionClass          2 Communications\n"
	"    Interface Descriptor:\n"
	"      bInterfaceNumber        0\n"
	"      bAlternateSetting       0\n"
	"      bInterfaceClass         3 Human Interface Device\n"
	"      Endpoint Descriptor:\n"
	"        bInterfaceClass       9\n"
	"    Interface Descriptor:\n"
	"      bInterfaceNumber        1\n"
	"      bAlternateSetting       1\n"
	"      bInterfaceClass        10 CDC Data\n"
	"    Interface Descriptor:\n"
	"      bInterfaceNumber        1\n"
	"      bAlternateSetting       0\n"
	"      bInterfaceClass       255 Vendor Specific Class\n"
	"Device Qualifier (for other device speed):\n"
	"  bcdUSB               2.00\n"
	"  bDeviceClass          239 Miscellaneous Device\n"
	"Device Status:     0x0000\n"
	"  (Bus Powered)\n";

static void test_verbose(void **state)
{
	struct result r;
	const struct usb_dev *d;

	(void)state;
	parse(&r, verbose);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.format, "lsusb -v");
	assert_int_equal(r.n, 1);
	d = &r.devs[0];
	assert_int_equal(d->bcd_usb, 0x0200);
	assert_int_equal(d->bcd_device, 0x0300);
	/* the Device Qualifier's class is not the device's */
	assert_int_equal(d->dev_class, 0);
	assert_string_equal(d->speed, "12");
	assert_string_equal(d->str[0], "Lenovo");
	/* sanitised, blanks kept as the other paths keep them */
	assert_string_equal(d->str[1], "ThinkPad \xef\xbf\xbd[2J Keyboard  ");
	/* index 3, no string: promised and missing */
	assert_int_equal(d->istr[2], 3);
	assert_null(d->str[2]);
	/* one class per interface, of altsetting 0; the IAD and the endpoint's
	 * lines are not interfaces */
	assert_int_equal(d->nifaces, 2);
	assert_int_equal(d->ifclass[0], 3);
	assert_int_equal(d->ifclass[1], 0xff);
	assert_int_equal(d->lacks, USB_LACKS_PORTS);
	assert_string_equal(d->controller, "");
	done(&r);
}

static void test_verbose_broken(void **state)
{
	char *t = strdup(verbose), *p;

	(void)state;
	/* cut inside the device descriptor */
	p = strstr(t, "  bcdDevice");
	*p = '\0';
	fails(t, "t.txt:11: the descriptors of Bus 001 Device 005 end before bcdDevice");
	/* cut inside the configuration: one interface described of two */
	strcpy(t, verbose);
	p = strstr(t, "    Interface Descriptor:\n      bInterfaceNumber        1");
	*p = '\0';
	fails(t, "t.txt:30: configuration 1 of Bus 001 Device 005 has 2 interfaces, 1 described");
	/* idVendor that is not the Bus line's */
	strcpy(t, verbose);
	p = strstr(t, "0x17ef");
	p[5] = '0';
	fails(t, "t.txt:10: idVendor 0x17e0 differs from the ID 17ef:6047 of its Bus line");
	/* a number that is not one */
	strcpy(t, verbose);
	p = strstr(t, "   0 \n");
	p[3] = 'x';
	fails(t, "t.txt:9: bDeviceClass is not a number from 0 to 255");
	/* a class of 256 */
	strcpy(t, verbose);
	p = strstr(t, "255 Vendor");
	p[2] = '6';
	fails(t, "t.txt:38: bInterfaceClass is not a number from 0 to 255");
	/* an interface cut short */
	strcpy(t, verbose);
	p = strstr(t, "      bInterfaceClass       255");
	*p = '\0';
	fails(t, "t.txt:37: an interface of Bus 001 Device 005 is cut short");
	free(t);
	/* a plain device among verbose ones: the file was cut after a Bus line */
	t = xasprintf("%sBus 001 Device 001: ID 1d6b:0002 Linux Foundation\n", verbose);
	fails(t, "t.txt:44: a device without descriptors among lsusb -v devices");
	free(t);
}

static void test_multiconfig(void **state)
{
	struct result r;

	(void)state;
	parse(&r, "Bus 002 Device 002: ID 0bda:8153 Realtek\n"
		  "Device Descriptor:\n"
		  "  bcdUSB               3.00\n  bDeviceClass            0\n"
		  "  idVendor           0x0bda\n  idProduct          0x8153\n"
		  "  bcdDevice           30.00\n  iManufacturer           1 Realtek\n"
		  "  iProduct                2 USB 10/100/1000 LAN\n  iSerial                 0 \n"
		  "  bNumConfigurations      2\n"
		  "  Configuration Descriptor:\n    bNumInterfaces          1\n"
		  "    bConfigurationValue     1\n    Interface Descriptor:\n"
		  "      bInterfaceNumber        0\n      bAlternateSetting       0\n"
		  "      bInterfaceClass       255\n"
		  "  Configuration Descriptor:\n    bNumInterfaces          0\n"
		  "    bConfigurationValue     2\n");
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.devs[0].bcd_device, 0x3000);
	/* which configuration is active, lsusb -v does not say */
	assert_int_equal(r.devs[0].lacks, USB_LACKS_PORTS | USB_LACKS_IFACES);
	assert_int_equal(r.devs[0].nifaces, 0);
	assert_null(r.devs[0].str[2]);
	done(&r);
}

/* usb-devices as the script writes it, its wrong Prnt= included: the third
 * device is at 1-2 (Lev=01), not below device 2. */
static const char usbdevices[] =
	"\n"
	"T:  Bus=01 Lev=00 Prnt=00 Port=00 Cnt=00 Dev#=  1 Spd=480 MxCh=12\r\n"
	"D:  Ver= 2.00 Cls=09(hub  ) Sub=00 Prot=01 MxPS=64 #Cfgs=  1\n"
	"P:  Vendor=1d6b ProdID=0002 Rev=06.01\n"
	"S:  Manufacturer=Linux 6.1.0-13-amd64 xhci-hcd\n"
	"S:  SerialNumber=0000:00:14.0\n"
	"C:  #Ifs= 1 Cfg#= 1 Atr=e0 MxPwr=0mA\n"
	"I:  If#= 0 Alt= 0 #EPs= 1 Cls=09(hub  ) Sub=00 Prot=00 Driver=hub\n"
	"\n"
	"T:  Bus=01 Lev=01 Prnt=01 Port=00 Cnt=01 Dev#=  2 Spd=480 MxCh= 4\n"
	"D:  Ver= 2.10 Cls=09(hub  ) Sub=00 Prot=02 MxPS=64 #Cfgs=  1\n"
	"P:  Vendor=05e3 ProdID=0610 Rev=60.52\n"
	"C:  #Ifs= 1 Cfg#= 1 Atr=e0 MxPwr=0mA\n"
	"I:  If#= 0 Alt= 1 #EPs= 1 Cls=09(hub  ) Sub=00 Prot=02 Driver=hub\n"
	"\n"
	"T:  Bus=01 Lev=02 Prnt=02 Port=03 Cnt=01 Dev#=  3 Spd=1.5 MxCh= 0\n"
	"D:  Ver= 1.10 Cls=00(>ifc ) Sub=00 Prot=00 MxPS= 8 #Cfgs=  1\n"
	"P:  Vendor=04d9 ProdID=1603 Rev=03.10\n"
	"S:  Manufacturer=   \n"
	"C:  #Ifs= 2 Cfg#= 1 Atr=a0 MxPwr=100mA\n"
	"I:  If#= 1 Alt= 0 #EPs= 1 Cls=03(HID  ) Sub=00 Prot=00 Driver=usbhid\n"
	"E:  Ad=81(I) Atr=03(Int.) MxPS=   8 Ivl=10ms\n"
	"I:  If#= 0 Alt= 0 #EPs= 1 Cls=ff(vend.) Sub=01 Prot=01 Driver=usbhid\n"
	"\n"
	"T:  Bus=01 Lev=01 Prnt=03 Port=01 Cnt=02 Dev#=  4 Spd=12  MxCh= 0\n"
	"D:  Ver= 2.00 Cls=00(>ifc ) Sub=00 Prot=00 MxPS=64 #Cfgs=  1\n"
	"P:  Vendor=2357 ProdID=010c Rev=00.00\n"
	"S:  Manufacturer=Realtek\n"
	"S:  Product=802.11n NIC\n"
	"C:  #Ifs= 1 Cfg#= 1 Atr=a0 MxPwr=500mA\n"
	"I:  If#= 0 Alt= 0 #EPs= 3 Cls=ff(vend.) Sub=ff Prot=ff Driver=r8188eu\n";

static void test_usbdevices(void **state)
{
	struct result r;

	(void)state;
	parse(&r, usbdevices);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.format, "usb-devices");
	assert_int_equal(r.n, 4);
	assert_int_equal(r.devs[0].nports, 0);
	assert_string_equal(r.devs[0].controller, "0000:00:14.0");
	assert_int_equal(r.devs[0].lacks, 0);
	assert_int_equal(r.devs[1].nports, 1);
	assert_int_equal(r.devs[1].ports[0], 1);
	assert_int_equal(r.devs[1].bcd_device, 0x6052);
	assert_int_equal(r.devs[1].bcd_usb, 0x0210);
	assert_int_equal(r.devs[2].nports, 2);
	assert_int_equal(r.devs[2].ports[0], 1);
	assert_int_equal(r.devs[2].ports[1], 4);
	assert_string_equal(r.devs[2].speed, "1.5");
	assert_string_equal(r.devs[2].str[0], "   ");
	/* interfaces in interface-number order */
	assert_int_equal(r.devs[2].nifaces, 2);
	assert_int_equal(r.devs[2].ifclass[0], 0xff);
	assert_int_equal(r.devs[2].ifclass[1], 3);
	assert_int_equal(r.devs[3].nports, 1);
	assert_int_equal(r.devs[3].ports[0], 2);
	assert_string_equal(r.devs[3].str[1], "802.11n NIC");
	assert_null(r.devs[3].str[2]);
	/* no string indexes: nothing is said to be missing */
	assert_int_equal(r.devs[3].istr[0], 0);
	done(&r);
}

static void test_usbdevices_broken(void **state)
{
	char *t = strdup(usbdevices), *p;

	(void)state;
	/* the idVendor attribute of a tampered tree, as usb-devices prints it */
	p = strstr(t, "Vendor=2357");
	memcpy(p + 7, "zzzz", 4);
	fails(t, "t.txt:27: usb-devices: P: Vendor= and ProdID= are not 4-digit hex numbers");
	/* cut after the T: line */
	strcpy(t, usbdevices);
	*strstr(t, "D:  Ver= 2.00 Cls=00(>ifc ) Sub=00 Prot=00 MxPS=64") = '\0';
	fails(t, "t.txt:25: Bus 001 Dev# 4 has no D: line");
	/* cut between two interfaces */
	strcpy(t, usbdevices);
	*strstr(t, "E:  Ad=81") = '\0';
	fails(t, "t.txt:21: configuration 1 of Bus 001 Device 003 has 2 interfaces, 1 described");
	/* a level below nothing */
	strcpy(t, usbdevices);
	p = strstr(t, "Lev=02");
	p[5] = '3';
	fails(t, "t.txt:16: usb-devices: Lev=3 on Bus 1 does not follow its parent");
	/* a device listed twice */
	strcpy(t, usbdevices);
	p = strstr(t, "Dev#=  4");
	p[7] = '3';
	fails(t, "t.txt:25: Bus 001 Device 003 is listed twice");
	free(t);
	/* lsusb and usb-devices in one file */
	t = xasprintf("%sBus 001 Device 001: ID 1d6b:0002\n", usbdevices);
	fails(t, "t.txt:32: lsusb output inside usb-devices output");
	free(t);
}

/* The debugfs devices file: every configuration, "C:*" the active one. */
static void test_debugfs(void **state)
{
	struct result r;

	(void)state;
	parse(&r, "T:  Bus=02 Lev=00 Prnt=00 Port=00 Cnt=00 Dev#=  1 Spd=5000 MxCh= 6\n"
		  "D:  Ver= 3.00 Cls=09(hub  ) Sub=00 Prot=03 MxPS= 9 #Cfgs=  1\n"
		  "P:  Vendor=1d6b ProdID=0003 Rev=06.01\n"
		  "C:* #Ifs= 1 Cfg#= 1 Atr=e0 MxPwr=0mA\n"
		  "I:* If#= 0 Alt= 0 #EPs= 1 Cls=09(hub  ) Sub=00 Prot=00 Driver=hub\n"
		  "T:  Bus=02 Lev=01 Prnt=01 Port=00 Cnt=01 Dev#=  2 Spd=5000 MxCh= 0\n"
		  "D:  Ver= 3.00 Cls=00(>ifc ) Sub=00 Prot=00 MxPS= 9 #Cfgs=  2\n"
		  "P:  Vendor=0bda ProdID=8153 Rev=30.00\n"
		  "C:  #Ifs= 2 Cfg#= 2 Atr=a0 MxPwr=288mA\n"
		  "I:  If#= 0 Alt= 0 #EPs= 1 Cls=02(commc) Sub=06 Prot=00 Driver=(none)\n"
		  "I:  If#= 1 Alt= 0 #EPs= 0 Cls=0a(data ) Sub=00 Prot=00 Driver=(none)\n"
		  "I:  If#= 1 Alt= 1 #EPs= 2 Cls=0a(data ) Sub=00 Prot=00 Driver=(none)\n"
		  "C:* #Ifs= 1 Cfg#= 1 Atr=a0 MxPwr=256mA\n"
		  "I:* If#= 0 Alt= 0 #EPs= 3 Cls=ff(vend.) Sub=ff Prot=00 Driver=r8152\n");
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.n, 2);
	assert_string_equal(r.devs[1].speed, "5000");
	assert_int_equal(r.devs[1].lacks, 0);
	assert_int_equal(r.devs[1].nifaces, 1);
	assert_int_equal(r.devs[1].ifclass[0], 0xff);
	done(&r);
}

static const char tree[] =
	"/:  Bus 02.Port 1: Dev 1, Class=root_hub, Driver=xhci_hcd/6p, 5000M\n"
	"    |__ Port 1: Dev 2, If 0, Class=Vendor Specific Class, Driver=r8152, 5000M\n"
	"/:  Bus 01.Port 1: Dev 1, Class=root_hub, Driver=xhci_hcd/12p, 480M\n"
	"    |__ Port 1: Dev 2, If 0, Class=Hub, Driver=hub/4p, 480M\n"
	"        |__ Port 4: Dev 3, If 0, Class=Human Interface Device, Driver=usbhid, 1.5M\n"
	"        |__ Port 4: Dev 3, If 1, Class=Human Interface Device, Driver=usbhid, 1.5M\n";

static void test_tree(void **state)
{
	struct result r;
	char *t;

	(void)state;
	t = xasprintf("Bus 001 Device 003: ID 04d9:1603 Holtek\n"
			   "Bus 001 Device 002: ID 05e3:0610 Genesys Logic\n"
			   "Bus 001 Device 001: ID 1d6b:0002 Linux Foundation\n%s",
			   tree);
	parse(&r, t);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.format, "lsusb + lsusb -t");
	assert_int_equal(r.n, 3);
	assert_int_equal(r.devs[0].nports, 2);
	assert_int_equal(r.devs[0].ports[0], 1);
	assert_int_equal(r.devs[0].ports[1], 4);
	assert_string_equal(r.devs[0].speed, "1.5");
	assert_int_equal(r.devs[0].lacks & USB_LACKS_PORTS, 0);
	assert_int_equal(r.devs[1].nports, 1);
	/* the tree's Bus 2 is not in the listing: warned about */
	assert_int_equal(r.e.nwarnings, 2);
	assert_non_null(strstr(r.e.warnings[0], "t.txt:4: lsusb -t shows Bus 002 Device 001"));
	done(&r);
	free(t);
	/* alone, it names no device */
	parse(&r, tree);
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.e.msg, "t.txt: lsusb -t output alone gives no vendor or product ids; "
				     "give it together with lsusb or lsusb -v output");
	done(&r);
	/* a level skipped */
	fails("/:  Bus 01.Port 1: Dev 1, Class=root_hub, Driver=x/2p, 480M\n"
	      "        |__ Port 4: Dev 3, If 0, Class=Hub, Driver=hub/4p, 480M\n",
	      "t.txt:2: lsusb -t: a device at depth 2 with no parent above it");
	fails("/:  Bus 01.Port 1: Dev 1, Class=root_hub, Driver=x/2p, 480\n",
	      "t.txt:1: lsusb -t: no speed at the end of the line");
}

static void test_hostile(void **state)
{
	struct result r;
	char *big;

	(void)state;
	fails("lspci output\n", "t.txt:1: not lsusb, lsusb -v, lsusb -t or usb-devices output");
	fails("Bus 001 Device 128: ID 1d6b:0002\n", "t.txt:1: not an lsusb device line");
	fails("Bus 001 Device 002: ID 1d6b:002\n", "t.txt:1: not an lsusb device line");
	fails("Bus 001 Device 002: ID 1d6b:00021\n", "t.txt:1: not an lsusb device line");
	fails("Bus 001 Device 002: ID 1d6b:0002\ngarbage\n", "t.txt:2: not lsusb output");
	fails("Bus 001 Device 002: ID 1d6b:0002\nNegotiated speed: Warp (9Tbps)\n",
	      "t.txt:2: unknown speed");
	/* a NUL byte */
	memset(&r, 0, sizeof r);
	r.rc = lsusb_text_parse("t.txt", "Bus 001 Device 002: ID 1d6b:0002\n\0x\n", 36, &r.devs,
				&r.n, &r.cap, &r.format, &r.e);
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.e.msg, "t.txt:2: a NUL byte: not lsusb or usb-devices text");
	done(&r);
	/* a line longer than any lsusb writes */
	big = malloc(LSUSB_LINE_MAX + 64);
	strcpy(big, "Bus 001 Device 002: ID 1d6b:0002 ");
	memset(big + strlen(big), 'A', LSUSB_LINE_MAX);
	big[LSUSB_LINE_MAX + 40] = '\0';
	fails(big, "t.txt:1: line longer than 16384 bytes");
	free(big);
	/* nothing at all: no devices, no error */
	parse(&r, "\n\n");
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.n, 0);
	assert_string_equal(r.format, "empty");
	done(&r);
	/* a root hub serial that is no PCI address names no controller */
	parse(&r, "T:  Bus=01 Lev=00 Prnt=00 Port=00 Cnt=00 Dev#=  1 Spd=480 MxCh=1\n"
		  "D:  Ver= 2.00 Cls=09(hub  ) Sub=00 Prot=01 MxPS=64 #Cfgs=  1\n"
		  "P:  Vendor=1d6b ProdID=0002 Rev=06.01\n"
		  "S:  SerialNumber=xhci-hcd.0.auto\n");
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.devs[0].controller, "");
	done(&r);
}

static void test_file(void **state)
{
	struct usb_dev *devs = NULL;
	size_t n = 0, cap = 0;
	const char *format;
	struct hw_err e = {0};

	(void)state;
	assert_int_equal(lsusb_text_read(FIXTURES "/lsusb/tplink-wifi.usb-devices", &devs, &n, &cap,
					 &format, &e),
			 0);
	assert_int_equal(n, 2);
	for (size_t i = 0; i < n; i++)
		for (int k = 0; k < 3; k++)
			free(devs[i].str[k]);
	free(devs);
	assert_int_equal(lsusb_text_read(FIXTURES "/lsusb/no-such", &devs, &n, &cap, &format, &e),
			 -1);
	assert_non_null(strstr(e.msg, "no-such: No such file or directory"));
	hw_err_clear(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),        cmocka_unit_test(test_verbose),
		cmocka_unit_test(test_verbose_broken), cmocka_unit_test(test_multiconfig),
		cmocka_unit_test(test_usbdevices),   cmocka_unit_test(test_usbdevices_broken),
		cmocka_unit_test(test_debugfs),      cmocka_unit_test(test_tree),
		cmocka_unit_test(test_hostile),      cmocka_unit_test(test_file),
	};

	return cmocka_run_group_tests_name("lsusb_text", tests, NULL, NULL);
}
