// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the measurement-list parser of the ima kselftest
 * (tools/testing/selftests/ima/ima_measurements_test.c), built into it with
 * the test's main() renamed: the test has no other entry. Every input is
 * read as the test reads the list, record by record from a file, in both
 * byte orders, each record's template digest computed, every bank's replay
 * extended, and each boot aggregate's digest field checked. Built with
 * AddressSanitizer and UndefinedBehaviorSanitizer, so any read outside what
 * the test owns is a crash.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <sys/mman.h>

#define main ima_measurements_test_main
#include "ima_measurements_test.c"
#undef main

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool ready;
	const char *why;
	int a, fd, order;
	long i;

	if (!ready) {
		for (a = 0; a < NR_ALGOS; a++) {
			banks[a].md = EVP_get_digestbyname(algo_names[a]);
			banks[a].size = banks[a].md ? EVP_MD_get_size(banks[a].md) : 0;
			banks[a].ctx = EVP_MD_CTX_new();
		}
		ready = true;
	}
	fd = memfd_create("list", 0);
	if (fd < 0 || write(fd, data, size) != (ssize_t)size)
		abort();
	for (order = 0; order < 2; order++) {
		little_endian = order;
		memset(&in, 0, sizeof(in));
		in.fd = fd;
		lseek(fd, 0, SEEK_SET);
		for (a = 0; a < NR_ALGOS; a++) {
			banks[a].present = banks[a].md != NULL;
			banks[a].reached = -1;
			memset(banks[a].full, 0, sizeof(banks[a].full));
			memset(banks[a].padded, 0, sizeof(banks[a].padded));
		}
		for (i = 0; next_record(&rec) == 1; i++) {
			for (a = 0; a < NR_ALGOS; a++)
				if (banks[a].hashing)
					EVP_DigestFinal_ex(banks[a].ctx, banks[a].evt, NULL);
			if (rec.pcr == measure_pcr)
				extend(&rec, i);
			if (aggregate_name(&rec))
				check_aggregate(&rec, &why);
		}
	}
	close(fd);
	return 0;
}
