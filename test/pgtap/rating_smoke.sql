-- Smoke test of the pgTAP pipeline: the extension is installed and the type works.
BEGIN;
SELECT plan(3);
SELECT has_type('htx_rating');
SELECT is('khá'::htx_rating::text, 'khá', 'khá round-trips through text');
SELECT throws_ok($$SELECT 'x'::htx_rating$$, '22P02', NULL, 'bad rating is 22P02');
SELECT * FROM finish();
ROLLBACK;
