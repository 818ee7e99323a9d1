/*
 * sample.c
 *		The deterministic draws behind htx_generate_sample.
 *
 * 1.0 wrote them as SQL functions; 1.1 computes the same numbers in C, so
 * that they can refuse arguments outside their domain (22023) without
 * slowing the generator down (a CASE in the SQL functions made it 2 to 9
 * times slower).  Integer arithmetic on 32-bit patterns held in 64 bits,
 * then float8 + - * / in the order of the SQL expressions: IEEE arithmetic,
 * so the same seed still gives the same rows on every machine.
 */
#include "postgres.h"

#include "fmgr.h"

#include "htx.h"

#define MASK32		UINT64CONST(0xFFFFFFFF)
#define NORMAL_C_MAX (PG_INT32_MAX - 3000)

/* ((x >> 16) xor x) * 0x45d9f3b mod 2^32, for x in 0 .. 2^32-1 */
static inline uint64
mix(uint64 x)
{
	return (((x >> 16) ^ x) * UINT64CONST(73244475)) & MASK32;
}

static uint64
sample_hash(int32 seed, int32 a, int32 b, int32 c)
{
	uint64		h = mix(mix((uint64) (uint32) seed));

	h = mix(mix(h ^ (uint64) (uint32) a));
	h = mix(mix(h ^ (uint64) (uint32) b));
	return mix(mix(h ^ (uint64) (uint32) c));
}

static float8
sample_uniform(int32 seed, int32 a, int32 b, int32 c)
{
	return (float8) sample_hash(seed, a, b, c) / 4294967296.0;
}

PG_FUNCTION_INFO_V1(htx_sample_mix);
Datum
htx_sample_mix(PG_FUNCTION_ARGS)
{
	int64		x = PG_GETARG_INT64(0);

	if (x < 0 || (uint64) x > MASK32)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("htx_sample_mix argument %lld is out of range", (long long) x),
				 errdetail("htx_sample_mix mixes 32-bit values: 0 to 4294967295.")));
	PG_RETURN_INT64((int64) mix((uint64) x));
}

PG_FUNCTION_INFO_V1(htx_sample_hash);
Datum
htx_sample_hash(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64((int64) sample_hash(PG_GETARG_INT32(0), PG_GETARG_INT32(1),
										PG_GETARG_INT32(2), PG_GETARG_INT32(3)));
}

PG_FUNCTION_INFO_V1(htx_sample_uniform);
Datum
htx_sample_uniform(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(sample_uniform(PG_GETARG_INT32(0), PG_GETARG_INT32(1),
									PG_GETARG_INT32(2), PG_GETARG_INT32(3)));
}

PG_FUNCTION_INFO_V1(htx_sample_normal);
Datum
htx_sample_normal(PG_FUNCTION_ARGS)
{
	int32		seed = PG_GETARG_INT32(0);
	int32		a = PG_GETARG_INT32(1);
	int32		b = PG_GETARG_INT32(2);
	int32		c = PG_GETARG_INT32(3);
	float8		sum;

	if (c > NORMAL_C_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("htx_sample_normal argument c = %d is out of range", c),
				 errdetail("htx_sample_normal draws c, c + 1000, c + 2000 and c + 3000: c must be at most %d.",
						   NORMAL_C_MAX)));
	/* the SQL expression's order: ((u0 + u1) + u2) + u3, - 2, * sqrt(3) */
	sum = sample_uniform(seed, a, b, c);
	sum = sum + sample_uniform(seed, a, b, c + 1000);
	sum = sum + sample_uniform(seed, a, b, c + 2000);
	sum = sum + sample_uniform(seed, a, b, c + 3000);
	PG_RETURN_FLOAT8((sum - 2.0) * 1.7320508075688772);
}
