/* usb_desc.c - parse the kernel's `descriptors` file (see usb_desc.h). USB
 * 2.0 spec §9.6.1 (device), §9.6.3 (configuration), §9.6.5 (interface). */
#include "usb_desc.h"

#include <libusb.h>

unsigned usb_le16(const unsigned char *p)
{
	return (unsigned)p[0] | (unsigned)p[1] << 8;
}

int usb_parse_descriptors(const unsigned char *b, size_t len, unsigned active,
			     struct usb_dev *d)
{
	size_t off;

	if (len < 18 || b[0] != 18 || b[1] != LIBUSB_DT_DEVICE)
		return -1;
	d->bcd_usb = usb_le16(b + 2);
	d->dev_class = b[4];
	d->vendor = usb_le16(b + 8);
	d->product = usb_le16(b + 10);
	d->bcd_device = usb_le16(b + 12);
	d->istr[0] = b[14], d->istr[1] = b[15], d->istr[2] = b[16];
	for (off = 18; off + 9 <= len;) {
		const unsigned char *c = b + off;
		size_t total = usb_le16(c + 2);

		if (c[0] < 9 || c[1] != LIBUSB_DT_CONFIG || total < 9 || total > len - off)
			break; /* a broken configuration: keep what we have */
		if (!active || c[5] == active) {
			for (size_t p = c[0]; p + 2 <= total && d->nifaces < MAX_IFACES;) {
				const unsigned char *x = c + p;

				if (x[0] < 2 || x[0] > total - p)
					break;
				if (x[1] == LIBUSB_DT_INTERFACE && x[0] >= 9 && x[3] == 0)
					d->ifclass[d->nifaces++] = x[5];
				p += x[0];
			}
			break;
		}
		off += total;
	}
	return 0;
}

