/* test_inventory.c - the inventory readers (probes/import/): lshw's four
 * printers, hwinfo's text and GLPI's JSON and XML, each to the probes'
 * forms, and their faults named by line or JSON path. The texts follow the
 * printers' own formats (lshw src/core/print.cc, hwinfo src/hd/hdp.c and
 * smbios.c, glpi-project/inventory_format's schema). */
#include "testutil.h"

#include "../../probes/import/inventory.h"

static struct inventory inv;
static struct hw_err err;

static int run(int (*parse)(const char *, const char *, size_t, struct inventory *,
                            struct hw_err *),
               const char *name, const char *text)
{
	inventory_free(&inv);
	hw_err_clear(&err);
	return parse(name, text, strlen(text), &inv, &err);
}

static const struct dmi_rec *dmi_of(unsigned type, unsigned nth)
{
	for (size_t i = 0; i < inv.ndmi; i++)
		if (inv.dmi[i].type == type && nth-- == 0)
			return &inv.dmi[i];
	return NULL;
}

static void test_lshw_text(void **state)
{
	static const char text[] =
	    "WARNING: output may be incomplete or inaccurate, you should run this program as "
	    "super-user.\n"
	    "thinky\n"
	    "    description: Notebook\n"
	    "    product: 20AL008EUK (LENOVO_MT_20AL)\n"
	    "    vendor: LENOVO\n"
	    "    serial: PF00CXAY\n"
	    "    capabilities: smbios-2.7 dmi-2.7 vsyscall32\n"
	    "    configuration: chassis=notebook family=ThinkPad X240 sku=LENOVO_MT_20AL "
	    "uuid=81429FDF-0D52-CB11-8BBA-B407AE251799\n"
	    "  *-core\n"
	    "       description: Motherboard\n"
	    "       product: 20AL008EUK\n"
	    "       vendor: LENOVO\n"
	    "     *-cpu:0\n"
	    "          product: Core i5 (None)\n"
	    "          vendor: Intel Corp.\n"
	    "          version: Intel(R) Core(TM) i5-4300U CPU @ 1.90GHz\n"
	    "          slot: CPU Socket - U3E1\n"
	    "     *-cpu:1 DISABLED\n"
	    "          description: CPU [empty]\n"
	    "     *-memory\n"
	    "        *-bank:0\n"
	    "             description: SODIMM DDR3 Synchronous 1600 MHz (0.6 ns)\n"
	    "             product: HMT41GS6AFR8A-PB\n"
	    "             vendor: Hynix/Hyundai\n"
	    "             serial: 35B4803F\n"
	    "             slot: ChannelA-DIMM0\n"
	    "             size: 8GiB\n"
	    "        *-bank:1\n"
	    "             description: DIMM [empty]\n"
	    "     *-firmware\n"
	    "          vendor: LENOVO\n"
	    "          version: GIET69WW (2.19 )\n"
	    "          date: 02/06/2014\n"
	    "     *-pci\n"
	    "          product: Haswell-ULT DRAM Controller [8086:A04]\n"
	    "          vendor: Intel Corporation [8086]\n"
	    "          bus info: pci@0000:00:00.0\n"
	    "          version: 0b\n"
	    "        *-network\n"
	    "             description: Ethernet interface\n"
	    "             product: Ethernet Connection I218-LM [8086:155A]\n"
	    "             vendor: Intel Corporation [8086]\n"
	    "             bus info: pci@0000:00:19.0\n"
	    "             logical name: enp0s25\n"
	    "             version: 04\n"
	    "             serial: 28:d2:44:6b:1a:2e\n"
	    "             configuration: autonegotiation=on driver=e1000e driverversion=2.3.2-k\n"
	    "        *-usbhost\n"
	    "             product: xHCI Host Controller [1D6B:2]\n"
	    "             bus info: usb@1\n"
	    "           *-usb\n"
	    "                product: N5321 gw [413C:8186]\n"
	    "                bus info: usb@1:4.2\n"
	    "                configuration: driver=cdc_acm speed=480Mbit/s\n"
	    "        *-sata\n"
	    "             bus info: pci@0000:00:1f.2\n"
	    "             product: 8 Series SATA Controller 1 [AHCI mode] [8086:9C03]\n"
	    "             vendor: Intel Corporation [8086]\n"
	    "           *-disk\n"
	    "                product: Samsung SSD 850\n"
	    "                vendor: Samsung\n"
	    "                bus info: scsi@0:0.0.0\n"
	    "                logical name: /dev/sda\n"
	    "                version: 2B6Q\n"
	    "                serial: S21NNXAG\n";
	const struct dmi_rec *r;

	(void)state;
	assert_int_equal(run(lshw_parse, "t.lshw", text), 0);
	assert_string_equal(inv.format, "lshw");
	assert_string_equal(inv.name, "thinky");
	r = dmi_of(1, 0);
	assert_non_null(r);
	assert_string_equal(r->str[DMI_MANUFACTURER], "LENOVO");
	assert_string_equal(r->str[DMI_FAMILY], "ThinkPad X240"); /* a value with a blank */
	assert_string_equal(r->uuid, "81429fdf-0d52-cb11-8bba-b407ae251799");
	assert_string_equal(dmi_of(2, 0)->str[DMI_PRODUCT], "20AL008EUK");
	assert_string_equal(dmi_of(0, 0)->str[DMI_DATE], "02/06/2014");
	assert_string_equal(dmi_of(4, 0)->str[DMI_SOCKET], "CPU Socket - U3E1");
	assert_null(dmi_of(4, 1)); /* the empty socket */
	assert_int_equal(dmi_of(17, 0)->num[DMI_SIZE_MB], 8192);
	assert_string_equal(dmi_of(17, 0)->str[DMI_PART], "HMT41GS6AFR8A-PB");
	assert_int_equal(dmi_of(17, 1)->num[DMI_SIZE_MB], DMI_NONE); /* empty: no component */
	assert_int_equal(dmi_of(17, 0)->handle, DMI_HANDLE_NONE);
	/* lshw -numeric: ids from the names; the names without them */
	assert_int_equal(inv.pci.n, 3);
	assert_int_equal(inv.pci.devs[0].vendor, 0x8086);
	assert_int_equal(inv.pci.devs[0].device, 0x0a04);
	assert_int_equal(inv.pci.devs[0].rev, 0x0b);
	assert_string_equal(inv.pci.devs[0].device_name, "Haswell-ULT DRAM Controller");
	assert_int_equal(inv.pci.numeric, 1);
	assert_int_equal(inv.pci.subsystems, 0);
	assert_string_equal(inv.unseen, "card-assembler");
	/* the text has no hubs' descriptors: only ids and the port path */
	assert_int_equal(inv.nusb, 2);
	assert_int_equal(inv.usb[1].vendor, 0x413c);
	assert_int_equal(inv.usb[1].nports, 2);
	assert_int_equal(inv.usb[1].ports[1], 2);
	assert_string_equal(inv.usb[1].speed, "480");
	assert_int_equal(inv.nnic, 1);
	assert_string_equal(inv.nic[0].mac, "28d2446b1a2e");
	assert_string_equal(inv.nic[0].pci, "0000:00:19.0");
	assert_string_equal(inv.nic[0].driver, "e1000e");
	assert_int_equal(inv.ndisk, 1);
	assert_string_equal(inv.disk[0].loc, "sda");
	assert_string_equal(inv.disk[0].firmware, "2B6Q");
	assert_string_equal(inv.disk[0].pci, "0000:00:1f.2");
	assert_string_equal(inv.disk[0].vendor, "Samsung");
}

static void test_lshw_xml(void **state)
{
	static const char text[] =
	    "<?xml version=\"1.0\" standalone=\"yes\" ?>\n"
	    "<!-- generated by lshw-B.02.19.2 -->\n"
	    "<list>\n"
	    "<node id=\"pc\" claimed=\"true\" class=\"system\" handle=\"DMI:0001\">\n"
	    " <vendor>Dell Inc.</vendor>\n"
	    " <capabilities><capability id=\"smbios-3.2.0\" /></capabilities>\n"
	    " <node id=\"pci\" class=\"bridge\" handle=\"PCI:0000:00:00.0\"\n"
	    "   modalias=\"pci:v00008086d00003E30sv00001028sd00000869bc06sc00i00\">\n"
	    "  <businfo>pci@0000:00:00.0</businfo><version>0a</version>\n"
	    "  <node id=\"usb\" class=\"bus\" modalias=\"usb:v0BDAp5411d0101dc09dsc00dp02ic09\">\n"
	    "   <businfo>usb@3:1</businfo>\n"
	    "   <capabilities><capability id=\"usb-2.10\" /></capabilities>\n"
	    "  </node>\n"
	    " </node>\n"
	    " <node id=\"display\" class=\"display\">\n"
	    "  <businfo>pci@0000:01:00.0</businfo>\n"
	    "  <hints><hint name=\"pci.vendor\" value=\"0x10DE\" /><hint name=\"pci.device\" "
	    "value=\"0x1C82\" />\n"
	    "  <hint name=\"pci.class\" value=\"0x300\" /><hint name=\"pci.subvendor\" "
	    "value=\"0x1458\" />\n"
	    "  <hint name=\"pci.subdevice\" value=\"0x3747\" /></hints>\n"
	    " </node>\n"
	    "</node>\n"
	    "</list>\n";

	(void)state;
	assert_int_equal(run(lshw_parse, "t.xml", text), 0);
	assert_string_equal(inv.format, "lshw -xml");
	assert_int_equal(dmi_of(1, 0)->handle, 1);
	assert_int_equal(inv.pci.n, 2);
	assert_int_equal(inv.pci.devs[0].subvendor, 0x1028);
	assert_int_equal(inv.pci.devs[0].class_id, 0x0600);
	assert_int_equal(inv.pci.devs[0].progif, 0);
	assert_int_equal(inv.pci.devs[1].vendor, 0x10de);
	assert_int_equal(inv.pci.devs[1].subdevice, 0x3747);
	assert_int_equal(inv.pci.devs[1].class_id, 0x0300);
	assert_int_equal(inv.pci.subsystems, 1);
	assert_null(inv.unseen);
	assert_int_equal(inv.nusb, 1);
	assert_int_equal(inv.usb[0].bcd_device, 0x0101);
	assert_int_equal(inv.usb[0].bcd_usb, 0x0210);
	assert_int_equal(inv.usb[0].dev_class, 9);
}

static void test_lshw_json_html(void **state)
{
	static const char json[] =
	    "{\"id\": \"pc\", \"class\": \"system\", \"children\": [\n"
	    "  {\"id\": \"network\", \"class\": \"network\", \"businfo\": \"pci@0000:02:00.0\",\n"
	    "   \"vendor\": \"Realtek\", \"product\": \"RTL8111\", \"logicalname\": [\"enp2s0\"],\n"
	    "   \"serial\": \"00:e0:4c:68:00:01\", \"configuration\": {\"driver\": \"r8169\"}}]}\n";
	static const char html[] =
	    "<div class=\"indented\"><table class=\"node\"><thead><tr><td class=\"first\">id:</td>"
	    "<td class=\"second\"><div class=\"id\">pc</div></td></tr></thead></table></div>\n"
	    "<div class=\"indented\"><div class=\"indented\"><table class=\"node\">\n"
	    "<thead><tr><td class=\"first\">id:</td><td class=\"second\"><div "
	    "class=\"id\">network</div></td></tr></thead>\n"
	    "<tbody><tr><td class=\"first\">bus info:</td><td "
	    "class=\"second\">pci@0000:02:00.0</td></tr>\n"
	    "<tr><td class=\"first\">serial:</td><td class=\"second\">00:e0:4c:68:00:01</td></tr>\n"
	    "<tr><td class=\"first\">configuration:</td><td class=\"second\"><table><tbody>"
	    "<tr><td "
	    "class=\"sub-first\">driver</td><td>=</td><td>r8169</td></tr></tbody></table></td></"
	    "tr>\n"
	    "</tbody></table></div></div>\n";

	(void)state;
	assert_int_equal(run(lshw_parse, "t.json", json), 0);
	assert_string_equal(inv.format, "lshw -json");
	assert_int_equal(inv.pci.n, 1);
	assert_int_equal(inv.pci.devs[0].vendor, -1); /* names only */
	assert_string_equal(inv.pci.devs[0].vendor_name, "Realtek");
	assert_int_equal(inv.pci.numeric, 0);
	assert_string_equal(inv.nic[0].iface, "enp2s0");
	assert_string_equal(inv.nic[0].driver, "r8169");
	assert_int_equal(run(lshw_parse, "t.html", html), 0);
	assert_string_equal(inv.format, "lshw -html");
	assert_int_equal(inv.pci.n, 1);
	assert_string_equal(inv.nic[0].mac, "00e04c680001");
	assert_string_equal(inv.nic[0].driver, "r8169"); /* the class is guessed from the id */
}

static void test_lshw_faults(void **state)
{
	(void)state;
	assert_int_equal(run(lshw_parse, "a.lshw", "pc\n  *-core\n     oops\n"), -1);
	assert_string_equal(err.msg, "a.lshw:3: not an lshw line (\"*-ID\" or \"KEY: VALUE\")");
	assert_int_equal(run(lshw_parse, "b.xml", "<node id=\"x\">\n<product>y\n</node>\n"), -1);
	assert_non_null(strstr(err.msg, ": not well-formed XML"));
	assert_int_equal(strncmp(err.msg, "b.xml:", 6), 0);
	assert_int_equal(run(lshw_parse, "c.xml", "<bom/>\n"), -1);
	assert_string_equal(err.msg, "c.xml:1: the root element is not lshw's <node> or <list>");
	assert_int_equal(run(lshw_parse, "d.json", "{\"id\": \"pc\", \"children\": {}}"), -1);
	assert_string_equal(err.msg, "d.json: $.children: an array was expected");
	assert_int_equal(run(lshw_parse, "e.json", "{\"id\": \"pc\",\n \"product\": [1]}"), -1);
	assert_string_equal(err.msg, "e.json: $.product: a string was expected, not an array");
	assert_int_equal(run(lshw_parse, "f.json", "{\"id\":\n"), -1);
	assert_non_null(strstr(err.msg, "f.json:2: not JSON"));
	assert_int_equal(run(lshw_parse, "g", ""), -1);
	assert_string_equal(err.msg, "g: empty: not lshw output");
}

static void test_hwinfo(void **state)
{
	static const char text[] =
	    "01: None 00.0: 10105 BIOS\n"
	    "  [Created at bios.186]\n"
	    "  Hardware Class: bios\n"
	    "  BIOS Info: #0\n"
	    "    Vendor: \"American Megatrends Inc.\"\n"
	    "    Version: \"1.40\"\n"
	    "    Date: \"08/31/2018\"\n"
	    "  System Info: #1\n"
	    "    Manufacturer: \"HUAWEI\"\n"
	    "    Product: \"TaiShan 200 (Model 2280)\"\n"
	    "    Serial: \"2102312\"\n"
	    "    UUID: 3C2B5F1A-0000-0000-0000-000000000001\n"
	    "  Processor Info: #4\n"
	    "    Socket: \"CPU01\"\n"
	    "    Socket Status: Populated\n"
	    "    Manufacturer: \"HiSilicon\"\n"
	    "    Version: \"Kunpeng 920-4826\"\n"
	    "  Memory Device: #18\n"
	    "    Location: \"DIMM000 J11\"\n"
	    "    Bank: \"SOCKET 0 CHANNEL 0 DIMM 0\"\n"
	    "    Manufacturer: \"Samsung\"\n"
	    "    Part Number: \"M393A4K40CB2-CVF\"\n"
	    "    Size: 32 GB\n"
	    "  Memory Device: #19\n"
	    "    Location: \"DIMM001 J12\"\n"
	    "    Size: No Memory Installed\n"
	    "  Config Status: cfg=new, avail=yes, need=no, active=unknown\n"
	    "\n"
	    "27: PCI 300.0: 0108 Non-Volatile memory controller (NVM Express)\n"
	    "  SysFS BusID: 0000:03:00.0\n"
	    "  Vendor: pci 0x144d \"Samsung Electronics Co Ltd\"\n"
	    "  Device: pci 0xa808 \"NVMe SSD Controller SM981/PM981/PM983\"\n"
	    "  SubVendor: pci 0x144d \"Samsung Electronics Co Ltd\"\n"
	    "  SubDevice: pci 0xa801 \n"
	    "  Driver: \"nvme\"\n"
	    "  Module Alias: \"pci:v0000144Dd0000A808sv0000144Dsd0000A801bc01sc08i02\"\n"
	    "  Driver Info #0:\n"
	    "    Driver Status: nvme is active\n"
	    "\n"
	    "57: USB 00.0: 10a00 Hub\n"
	    "  SysFS BusID: 5-1:1.0\n"
	    "  Vendor: usb 0x0bda \"Realtek Semiconductor Corp.\"\n"
	    "  Device: usb 0x5411 \"RTS5411 Hub\"\n"
	    "  Speed: 480 Mbps\n"
	    "\n"
	    "58: USB 00.1: 10a00 Hub\n"
	    "  SysFS BusID: 5-1:1.1\n"
	    "  Vendor: usb 0x0bda \"Realtek Semiconductor Corp.\"\n"
	    "  Device: usb 0x5411 \"RTS5411 Hub\"\n"
	    "\n"
	    "60: None 00.0: 10600 Disk\n"
	    "  Hardware Class: disk\n"
	    "  Model: \"WDC WD40EZRZ-00G\"\n"
	    "  Revision: \"0A80\"\n"
	    "  Serial ID: \"WD-WCC7K\"\n"
	    "  SysFS Device Link: /devices/pci0000:74/0000:74:03.0/ata1/host1/target1:0:0/1:0:0:0\n"
	    "  Device File: /dev/sda\n"
	    "\n"
	    "61: None 00.0: 10701 Ethernet\n"
	    "  Hardware Class: network interface\n"
	    "  Device File: enp125s0f0\n"
	    "  HW Address: 02:11:22:33:44:55\n"
	    "  Permanent HW Address: 30:fb:b8:00:00:01\n"
	    "  SysFS Device Link: /devices/pci0000:7c/0000:7c:00.0/0000:7d:00.0\n"
	    "\n"
	    "62: None 00.0: 10701 Ethernet\n"
	    "  Hardware Class: network interface\n"
	    "  Device File: docker0\n"
	    "  HW Address: 02:42:ac:11:00:01\n"
	    "\n"
	    "63: None 00.0: 10002 LCD Monitor\n"
	    "  Hardware Class: monitor\n"
	    "  Vendor: DEL \"DELL\"\n"
	    "  Device: eisa 0xa0e3 \"DELL U2415\"\n"
	    "  Serial ID: \"7MT0167\"\n"
	    "  Year of Manufacture: 2017\n"
	    "  Week of Manufacture: 12\n";

	(void)state;
	assert_int_equal(run(hwinfo_parse, "t.hwinfo", text), 0);
	assert_int_equal(inv.carries[INV_DMI], 1);
	assert_string_equal(dmi_of(0, 0)->str[DMI_MANUFACTURER], "American Megatrends Inc.");
	assert_int_equal(dmi_of(1, 0)->handle, 1);
	assert_string_equal(dmi_of(1, 0)->str[DMI_PRODUCT], "TaiShan 200 (Model 2280)");
	assert_string_equal(dmi_of(1, 0)->uuid, "3c2b5f1a-0000-0000-0000-000000000001");
	assert_string_equal(dmi_of(4, 0)->str[DMI_SOCKET], "CPU01");
	assert_int_equal(dmi_of(4, 0)->num[DMI_POPULATED], 1);
	assert_int_equal(dmi_of(17, 0)->handle, 18);
	assert_int_equal(dmi_of(17, 0)->num[DMI_SIZE_MB], 32768);
	assert_string_equal(dmi_of(17, 0)->str[DMI_BANK], "SOCKET 0 CHANNEL 0 DIMM 0");
	assert_int_equal(dmi_of(17, 1)->num[DMI_SIZE_MB], DMI_NONE);
	assert_int_equal(inv.pci.n, 1);
	assert_int_equal(inv.pci.devs[0].vendor, 0x144d);
	assert_int_equal(inv.pci.devs[0].subdevice, 0xa801);
	assert_int_equal(inv.pci.devs[0].class_id, 0x0108);
	assert_int_equal(inv.pci.devs[0].progif, 2);
	assert_int_equal(inv.pci.devs[0].rev, 0); /* printed only when not 0 */
	assert_string_equal(inv.pci.devs[0].driver, "nvme");
	assert_int_equal(inv.nusb, 1); /* two interfaces of one device */
	assert_int_equal(inv.usb[0].bus, 5);
	assert_int_equal(inv.usb[0].nports, 1);
	assert_string_equal(inv.usb[0].speed, "480");
	assert_int_equal(inv.ndisk, 1);
	assert_string_equal(inv.disk[0].model, "WDC WD40EZRZ-00G");
	assert_string_equal(inv.disk[0].firmware, "0A80");
	assert_string_equal(inv.disk[0].pci, "0000:74:03.0");
	assert_int_equal(inv.nnic, 1);                       /* docker0 has no device: left out */
	assert_string_equal(inv.nic[0].mac, "30fbb8000001"); /* the permanent one */
	assert_string_equal(inv.nic[0].pci, "0000:7d:00.0");
	assert_int_equal(inv.ndisp, 1);
	assert_string_equal(inv.disp[0].ei.pnp, "DEL");
	assert_int_equal(inv.disp[0].ei.product, 0xa0e3);
	assert_int_equal(inv.disp[0].ei.year, 2017);
	/* a header too short for its class (found by fuzz_hwinfo): no class, no overread */
	assert_int_equal(run(hwinfo_parse, "s.hwinfo",
	                     "3: PCI 3: 01\n  SysFS BusID: 0000:00:00.0\n  Vendor: pci 0x8086\n"),
	                 0);
	assert_int_equal(inv.pci.n, 1);
	assert_int_equal(inv.pci.devs[0].class_id, -1);
	assert_int_equal(run(hwinfo_parse, "b.hwinfo", "27: PCI 300.0: 0108 NVMe\n  what\n"), -1);
	assert_string_equal(err.msg, "b.hwinfo:2: not an hwinfo line (\"KEY: VALUE\")");
	assert_int_equal(run(hwinfo_parse, "c.hwinfo", "hello\n  Vendor: x\n"), -1);
	assert_string_equal(err.msg,
	                    "c.hwinfo:2: not hwinfo text (no \"NN: BUS ...\" entry before it)");
}

static void test_glpi_json(void **state)
{
	static const char text[] =
	    "{\"deviceid\": \"pc-2024\", \"content\": {\n"
	    " \"hardware\": {\"name\": \"pc\", \"uuid\": "
	    "\"4C4C4544-0034-3010-8048-B6C04F503732\"},\n"
	    " \"bios\": {\"smanufacturer\": \"Dell Inc.\", \"smodel\": \"XPS 13 9350\",\n"
	    "   \"mmanufacturer\": \"Dell Inc.\", \"mmodel\": \"07TYC2\", \"bmanufacturer\": "
	    "\"Dell Inc.\",\n"
	    "   \"bversion\": \"1.4.3\"},\n"
	    " \"controllers\": [{\"pcislot\": \"00:02.0\", \"vendorid\": \"8086\", \"productid\": "
	    "\"1916\",\n"
	    "   \"pcisubsystemid\": \"1028:0704\", \"pciclass\": \"0300\", \"rev\": \"07\"},\n"
	    "   {\"name\": \"a WMI controller\", \"manufacturer\": \"Intel\"}],\n"
	    " \"usbdevices\": [{\"vendorid\": \"0bda\", \"productid\": \"8153\", \"serial\": "
	    "\"000001000000\"}],\n"
	    " \"memories\": [{\"caption\": \"System Board Memory\", \"capacity\": 4096, "
	    "\"manufacturer\": \"Elpida\"},\n"
	    "   {\"caption\": \"System Board Memory\", \"capacity\": 4096},\n"
	    "   {\"caption\": \"DIMM 3\", \"capacity\": \"No\"}],\n"
	    " \"networks\": [{\"description\": \"wlp58s0\", \"mac\": \"18:5e:0f:00:00:01\", "
	    "\"pcislot\": \"3a:00.0\"},\n"
	    "   {\"description\": \"wlp58s0\", \"mac\": \"18:5e:0f:00:00:01\"},\n"
	    "   {\"description\": \"lo\", \"mac\": \"00:00:00:00:00:00\", \"virtualdev\": true}],\n"
	    " \"storages\": [{\"name\": \"nvme0n1\", \"model\": \"PM951 NVMe SAMSUNG 256GB\", "
	    "\"firmware\": \"BXV77D0Q\"},\n"
	    "   {\"name\": \"sr0\", \"model\": \"DVD\", \"type\": \"cdrom\"}],\n"
	    " \"monitors\": [{\"caption\": \"no EDID\", \"manufacturer\": \"SHP\"}]\n"
	    "}}\n";

	(void)state;
	assert_int_equal(run(glpi_parse, "t.json", text), 0);
	assert_string_equal(inv.name, "pc");
	assert_string_equal(dmi_of(0, 0)->str[DMI_VERSION], "1.4.3");
	assert_string_equal(dmi_of(1, 0)->str[DMI_PRODUCT], "XPS 13 9350");
	assert_string_equal(dmi_of(1, 0)->uuid, "4c4c4544-0034-3010-8048-b6c04f503732");
	assert_string_equal(dmi_of(2, 0)->str[DMI_PRODUCT], "07TYC2");
	assert_int_equal(inv.pci.n, 1);
	assert_int_equal(inv.dropped[INV_PCI], 1);
	assert_int_equal(inv.pci.devs[0].subvendor, 0x1028);
	assert_int_equal(inv.pci.devs[0].class_id, 0x0300);
	assert_int_equal(inv.pci.devs[0].progif, -1);
	assert_int_equal(inv.nusb, 1);
	assert_string_equal(inv.usb[0].str[2], "000001000000");
	assert_true(inv.usb[0].lacks & USB_LACKS_BUS);
	assert_string_equal(dmi_of(17, 0)->str[DMI_LOCATOR], "System Board Memory");
	assert_string_equal(dmi_of(17, 1)->str[DMI_LOCATOR], "System Board Memory #2");
	assert_null(dmi_of(17, 2)); /* capacity "No": an empty slot */
	assert_int_equal(inv.nnic, 1);
	assert_string_equal(inv.nic[0].pci, "0000:3a:00.0");
	assert_int_equal(inv.ndisk, 1);
	assert_string_equal(inv.disk[0].loc, "nvme0");
	assert_string_equal(inv.disk[0].bus, "nvme");
	assert_int_equal(inv.ndisp, 0);
	assert_int_equal(inv.dropped[INV_DISPLAY], 1);
}

static void test_glpi_edid(void **state)
{
	char *path = FIXTURES "/inventory/glpi-dir/dell-xps.json";

	(void)state;
	inventory_free(&inv);
	hw_err_clear(&err);
	assert_int_equal(glpi_load(path, &inv, &err), 0);
	assert_int_equal(inv.ndisp, 1);
	assert_string_equal(inv.disp[0].ei.pnp, "SHP"); /* decoded from the base64 EDID */
}

static void test_glpi_xml(void **state)
{
	static const char text[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
	    "<REQUEST><CONTENT>\n"
	    "<CONTROLLERS><PCISLOT>0000:00:1f.3</PCISLOT><VENDORID>8086</VENDORID>\n"
	    "  <PRODUCTID>9d70</PRODUCTID><PCICLASS>0403</PCICLASS><REV>21</REV></CONTROLLERS>\n"
	    "<NETWORKS><DESCRIPTION>eth0</DESCRIPTION><MACADDR>30:FB:B8:00:00:02</MACADDR>\n"
	    "  <VIRTUALDEV>0</VIRTUALDEV></NETWORKS>\n"
	    "<STORAGES><NAME>sda</NAME><MODEL>ST1000LM035</MODEL><SERIALNUMBER>WL1</SERIALNUMBER></"
	    "STORAGES>\n"
	    "</CONTENT></REQUEST>\n";

	(void)state;
	assert_int_equal(run(glpi_parse, "t.xml", text), 0);
	assert_int_equal(inv.pci.n, 1);
	assert_int_equal(inv.pci.devs[0].rev, 0x21);
	assert_string_equal(inv.nic[0].mac, "30fbb8000002");
	assert_string_equal(inv.disk[0].serial, "WL1");
	assert_int_equal(run(glpi_parse, "b.xml",
	                     "<REQUEST><CONTENT>\n<CONTROLLERS><PCISLOT>00:02.0</PCISLOT>\n"
	                     "<VENDORID>8086</VENDORID><PRODUCTID>19x6</PRODUCTID></CONTROLLERS>\n"
	                     "</CONTENT></REQUEST>\n"),
	                 -1);
	assert_string_equal(err.msg, "b.xml:2: productid: not a 4-digit hex id");
	assert_int_equal(run(glpi_parse, "c.xml", "<REQUEST><QUERY/></REQUEST>"), -1);
	assert_string_equal(err.msg,
	                    "c.xml:1: no <REQUEST><CONTENT>: not a FusionInventory/OCS inventory");
	assert_int_equal(run(glpi_parse, "d.json", "{\"content\": {\"controllers\": [\"x\"]}}"),
	                 -1);
	assert_string_equal(err.msg, "d.json: $.content.controllers[0]: an object was expected");
	assert_int_equal(run(glpi_parse, "e.json", "[]"), -1);
	assert_string_equal(err.msg,
	                    "e.json: $.content: no GLPI inventory content (an object) in it");
	inventory_free(&inv);
	hw_err_clear(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lshw_text),      cmocka_unit_test(test_lshw_xml),
	    cmocka_unit_test(test_lshw_json_html), cmocka_unit_test(test_lshw_faults),
	    cmocka_unit_test(test_hwinfo),         cmocka_unit_test(test_glpi_json),
	    cmocka_unit_test(test_glpi_edid),      cmocka_unit_test(test_glpi_xml),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
