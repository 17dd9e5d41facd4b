// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the measurement-list parser of the ima kselftest
 * (tools/testing/selftests/ima/ima_list.c). Every input is parsed, in both
 * byte orders, and its byte order guessed; a list
 * that parses is then read the way the verifier reads it: each record's
 * name, file digest and template digests, and the replay of the PCR.
 * Built with AddressSanitizer and UndefinedBehaviorSanitizer, so any read
 * outside the input is a crash.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ima_list.h"

static const enum ima_hash_algo algos[] = {
	IMA_SHA1, IMA_SHA256, IMA_SHA384, IMA_SHA512,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t value[IMA_HASH_MAX_DIGEST], digest[IMA_HASH_MAX_DIGEST];
	enum ima_byte_order order;
	struct ima_list list;
	char err[256], name[IMA_EVENT_NAME_LEN_MAX + 1];
	uint8_t *copy;
	size_t i, a;

	/* An exact-size heap copy, so that a read past the end is caught. */
	copy = malloc(size ? size : 1);
	if (!copy)
		return 0;
	memcpy(copy, data, size);
	ima_list_guess_byte_order(copy, size, &order);
	for (order = IMA_LITTLE_ENDIAN; order <= IMA_BIG_ENDIAN; order++) {
		if (ima_list_parse(copy, size, order, &list, err, sizeof(err)))
			continue;
		for (i = 0; i < list.nr; i++) {
			const struct ima_record *rec = &list.records[i];
			enum ima_hash_algo algo;
			const uint8_t *d;
			size_t len;

			ima_record_name(rec, name, sizeof(name));
			ima_record_is_boot_aggregate(rec);
			ima_record_digest(rec, &algo, &d, &len);
			ima_record_is_violation(rec);
			for (a = 0; a < sizeof(algos) / sizeof(algos[0]); a++)
				ima_record_template_digest(rec, algos[a], digest);
		}
		memset(value, 0, sizeof(value));
		for (a = 0; a < sizeof(algos) / sizeof(algos[0]); a++) {
			ima_list_replay_to(&list, 10, algos[a], false, value);
			ima_list_replay_to(&list, 10, algos[a], true, value);
		}
		ima_list_free(&list);
	}
	free(copy);
	return 0;
}
