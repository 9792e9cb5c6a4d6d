/* usb_ids.h - names from a usb.ids file (Debian's usb.ids package), for the
 * USB probe. libusb has no names, and udev's hwdb would make them depend on
 * the host. */
#ifndef HWBOM_USB_IDS_H
#define HWBOM_USB_IDS_H

#include "../../output/err.h"

struct usb_ids;

/* Read the vendor and product lines of path (the class and other sections
 * after them are not needed). NULL with e set if it cannot be read. Free
 * with usb_ids_free(). */
struct usb_ids *usb_ids_load(const char *path, struct hw_err *e);
void usb_ids_free(struct usb_ids *ids);

/* Names, or NULL when the file has none. */
const char *usb_ids_vendor(const struct usb_ids *ids, unsigned vendor);
const char *usb_ids_product(const struct usb_ids *ids, unsigned vendor, unsigned product);

#endif
