/* test_usb_desc.c - the parser of the kernel's USB `descriptors` file. */
#include "testutil.h"

#include "../../probes/usb/usb_desc.h"

/* A Logitech receiver: device descriptor, one configuration, one HID
 * interface with one endpoint (as the kernel writes it). */
static const unsigned char receiver[] = {
	0x12, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x08, 0x6d, 0x04, 0x2b, 0xc5, 0x11, 0x12,
	0x01, 0x02, 0x00, 0x01, 0x09, 0x02, 0x19, 0x00, 0x01, 0x01, 0x00, 0xa0, 0x31, 0x09,
	0x04, 0x00, 0x00, 0x01, 0x03, 0x01, 0x01, 0x00, 0x07, 0x05, 0x81, 0x03, 0x08, 0x00,
	0x0a,
};

static void test_receiver(void **state)
{
	struct usb_dev d = {0};

	(void)state;
	assert_int_equal(usb_parse_descriptors(receiver, sizeof receiver, 1, &d), 0);
	assert_int_equal(d.vendor, 0x046d);
	assert_int_equal(d.product, 0xc52b);
	assert_int_equal(d.bcd_device, 0x1211);
	assert_int_equal(d.bcd_usb, 0x0200);
	assert_int_equal(d.istr[0], 1);
	assert_int_equal(d.istr[2], 0);
	assert_int_equal(d.nifaces, 1);
	assert_int_equal(d.ifclass[0], 3);
}

static void test_hostile(void **state)
{
	unsigned char b[sizeof receiver];
	struct usb_dev d;

	(void)state;
	/* too short, wrong type, wrong length: no device */
	memset(&d, 0, sizeof d);
	assert_int_equal(usb_parse_descriptors(receiver, 17, 0, &d), -1);
	memcpy(b, receiver, sizeof b);
	b[1] = 2;
	assert_int_equal(usb_parse_descriptors(b, sizeof b, 0, &d), -1);
	/* a configuration claiming more bytes than there are: device kept,
	 * no interface read */
	memcpy(b, receiver, sizeof b);
	b[20] = 0xff;
	memset(&d, 0, sizeof d);
	assert_int_equal(usb_parse_descriptors(b, sizeof b, 0, &d), 0);
	assert_int_equal(d.vendor, 0x046d);
	assert_int_equal(d.nifaces, 0);
	/* an interface whose length runs past its configuration */
	memcpy(b, receiver, sizeof b);
	b[27] = 0x40;
	memset(&d, 0, sizeof d);
	assert_int_equal(usb_parse_descriptors(b, sizeof b, 0, &d), 0);
	assert_int_equal(d.nifaces, 0);
	/* a zero-length descriptor inside: the walk stops, no endless loop */
	memcpy(b, receiver, sizeof b);
	b[27] = 0;
	memset(&d, 0, sizeof d);
	assert_int_equal(usb_parse_descriptors(b, sizeof b, 0, &d), 0);
	assert_int_equal(d.nifaces, 0);
	/* asking for a configuration that is not there */
	memset(&d, 0, sizeof d);
	assert_int_equal(usb_parse_descriptors(receiver, sizeof receiver, 2, &d), 0);
	assert_int_equal(d.nifaces, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_receiver),
		cmocka_unit_test(test_hostile),
	};

	return cmocka_run_group_tests_name("usb_desc", tests, NULL, NULL);
}
