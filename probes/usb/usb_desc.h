/* usb_desc.h - one USB device as the probe sees it, and the parser of the
 * kernel's `descriptors` file (captured trees; live, libusb parses). */
#ifndef HWBOM_USB_DESC_H
#define HWBOM_USB_DESC_H

#include <stddef.h>

#define MAX_PORTS 8 /* USB 3 allows a depth of 7 below the root */
#define MAX_IFACES 32

struct usb_dev {
	unsigned bus;
	unsigned ports[MAX_PORTS]; /* port path; none for a root hub */
	int nports;
	unsigned vendor, product, bcd_device, bcd_usb, dev_class;
	unsigned istr[3];    /* string indexes: manufacturer, product, serial */
	char speed[8];       /* Mbit/s, as sysfs writes it: "480", "1.5" */
	unsigned char ifclass[MAX_IFACES];
	int nifaces;
	char *str[3];        /* manufacturer, product, serial: raw, or NULL */
	char controller[32]; /* PCI address of the host controller (root hubs) */
	unsigned devnum;     /* the kernel's device number (text sources) */
	unsigned lacks;      /* USB_LACKS_*: what a text source did not carry */
};

/* What lsusb text (lsusb_text.h) may not say; libusb and sysfs say
 * all of it, so 0 there. */
#define USB_LACKS_PORTS 1u   /* no port path: located by bus and devnum */
#define USB_LACKS_DESC 2u    /* no bcdUSB, bcdDevice, class, string indexes */
#define USB_LACKS_STRINGS 4u /* no manufacturer, product, serial strings */
#define USB_LACKS_IFACES 8u  /* no interface classes of the active config */
#define USB_LACKS_BUS 16u    /* not even the bus (GLPI): located by its rank, devnum */

/* Little-endian 16 bits at p. */
unsigned usb_le16(const unsigned char *p);

/* Fill d's descriptor fields and the interface classes of configuration
 * `active` (the first one when 0) from the len bytes at b: a device
 * descriptor, then configuration descriptors with their interfaces. Every
 * length is checked; a broken configuration ends the walk. -1 when the
 * device descriptor itself is unusable. */
int usb_parse_descriptors(const unsigned char *b, size_t len, unsigned active,
			  struct usb_dev *d);

#endif
