/* lsusb_text.h - USB devices from the text of lsusb, lsusb -v, lsusb -t and
 * usb-devices, for the USB probe's --lsusb source (issue 7: fleets keep
 * that text in their inventories).
 *
 * Each format carries a different part of what the probe records; a device
 * says what its text lacked in usb_dev.lacks:
 *   lsusb        bus, device number, idVendor:idProduct; the rest of the
 *                line is usb.ids names or sysfs strings, lsusb does not say
 *                which, so it is not used (USB_LACKS_DESC|STRINGS|IFACES);
 *   lsusb -v     the descriptors and strings; no port path, and no active
 *                configuration (the interfaces only when there is one);
 *   lsusb -t     port paths and speeds, no ids: only with lsusb or lsusb -v
 *                output in the same file, joined by bus and device number;
 *   usb-devices  everything the sysfs tree gives but the string indexes.
 * Without a port path a device is located by its device number; device 1
 * of a bus is always its root hub (Linux, drivers/usb/core/hcd.c). */
#ifndef HWBOM_LSUSB_TEXT_H
#define HWBOM_LSUSB_TEXT_H

#include <stddef.h>

#include "../../output/err.h"
#include "usb_desc.h"

/* Longest line read, in bytes: a sysfs string is at most 4096. */
#define LSUSB_LINE_MAX 16384
/* Largest file read. */
#define LSUSB_FILE_MAX (64u << 20)

/* Parse the len bytes of text at buf, read from path (for messages): append
 * one struct usb_dev per device to *devs (*n of *cap, grown with GROW),
 * strings sanitised and owned by the caller (free each str[] and the array).
 * *format is set to a static name of what was read ("usb-devices", "lsusb
 * -v", "lsusb -v + lsusb -t", ...). 0 when the text holds no device at all.
 * -1 with e naming path and line when the text is not one of those formats
 * or is cut or corrupt; the devices appended so far are then freed. */
int lsusb_text_parse(const char *path, const char *buf, size_t len, struct usb_dev **devs,
		     size_t *n, size_t *cap, const char **format, struct hw_err *e);

/* The same for the file at path (at most LSUSB_FILE_MAX bytes). */
int lsusb_text_read(const char *path, struct usb_dev **devs, size_t *n, size_t *cap,
		    const char **format, struct hw_err *e);

#endif
