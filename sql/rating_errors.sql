-- htx_rating and htx_score: SQLSTATEs and the remaining exact texts
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS htx;
RESET client_min_messages;

-- the full text of an input error: message, hint
SELECT 'tốt lắm'::htx_rating;
-- and where it happened
SELECT r::htx_rating FROM (VALUES ('khá'), ('xuất sắc')) AS v(r);

-- SQLSTATE of every error path
\set VERBOSITY sqlstate
SELECT 'excellent'::htx_rating;
SELECT '   '::htx_rating;
SELECT 5::htx_rating;
SELECT (-2147483648)::htx_rating;
SELECT htx_rating_label('tốt', 'EN');
SELECT htx_rating_from_score(100.01);
SELECT htx_rating_from_score('Infinity', true);
SELECT (-0.01)::htx_score;
SELECT 1 = 'tốt'::htx_rating;
\set VERBOSITY default

-- the remaining message texts
SELECT htx_rating_from_score('-Infinity');
SELECT htx_rating_from_score(1000000000, true);
SELECT htx_rating_label('tốt', '');

-- binary output: one byte, the code
SELECT c, htx_rating_send(c::htx_rating) FROM generate_series(0, 4) AS c;

-- htx_fold: the matching key behind htx_rating input
SELECT s, htx_fold(s)
FROM (VALUES ('Sở NN&PTNT'), ('  Đồng   Hỷ '), ('Nông_nghiệp-và PTNT'), (normalize('ĐỊNH HÓA', NFD)),
             (E'Phú\u00a0Bình'), ('x–y'), ('Ω')) AS v(s);

-- NULLs
SELECT htx_rating_label(NULL, 'en') IS NULL AS label_null, htx_is_rated(NULL) IS NULL AS rated_null,
       NULL::int::htx_rating IS NULL AS cast_null, htx_fold(NULL) IS NULL AS fold_null;

-- a bad value is quoted up to 64 characters, then "..." (src/excerpt.c):
-- a 1 MB bad value no longer makes a 1 MB message and log line
SELECT repeat('x', 1048576)::htx_rating;
SELECT repeat('ố', 64)::htx_rating;
SELECT repeat('ố', 65)::htx_rating;
SELECT htx_rating_label('tốt', repeat('ê', 1000));
SELECT htx_rating_from_score(repeat('9', 1000)::numeric);
SELECT repeat('v1(', 1000)::htx_evaluation_state;
