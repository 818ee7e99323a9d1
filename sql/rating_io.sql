-- htx_rating: exact text I/O and error texts
-- pg_regress runs every file in one database, in name order: whichever runs
-- first creates the extension, quietly.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS htx;
RESET client_min_messages;

-- canonical output for every code
SELECT c, c::htx_rating AS rating, htx_rating_label(c::htx_rating, 'vi_ascii') AS ascii,
       htx_rating_label(c::htx_rating, 'en') AS en
FROM generate_series(0, 4) AS c;

-- spellings from the field
SELECT s AS input, s::htx_rating AS rating
FROM (VALUES ('tốt'), ('TỐT'), ('Tot'), ('  tốt  '), ('good'), ('GOOD'),
             ('khá'), ('Kha'), ('fair'),
             ('trung bình'), ('Trung   Binh'), ('trung_binh'), ('trung-bình'), ('average'),
             ('yếu'), ('YEU'), ('weak'),
             ('không xếp loại'), ('Khong xep loai'), ('not rated'), ('Not-Rated'), ('unrated')) AS v(s);

-- what report spreadsheets also write (1.1): TB for trung bình, chưa xếp loại
-- ("not yet rated") for không xếp loại, with or without diacritics
SELECT s AS input, s::htx_rating AS rating
FROM (VALUES ('TB'), ('tb'), (' Tb '), ('Chưa xếp loại'), ('CHƯA XẾP LOẠI'), ('chua xep loai'),
             ('Chua_xep_loai'), (normalize('Chưa xếp loại', NFD))) AS v(s);
SELECT 'T B'::htx_rating;
SELECT 'chưa'::htx_rating;

-- NFD input is the same as NFC
SELECT normalize('trung bình', NFD)::htx_rating = 'trung bình'::htx_rating AS nfd_equal,
       normalize('KHÔNG XẾP LOẠI', NFD)::htx_rating AS nfd_upper;

-- rejections: 22P02 with the value and a hint
SELECT ''::htx_rating;
SELECT 'excellent'::htx_rating;
SELECT 'tốt lắm'::htx_rating;
SELECT 'trungbinh'::htx_rating;
SELECT '5'::htx_rating;

-- casts to and from integer
SELECT 'tốt'::htx_rating::integer AS good, 'không xếp loại'::htx_rating::integer AS not_rated;
SELECT 5::htx_rating;
SELECT (-1)::htx_rating;

-- label languages
SELECT htx_rating_label('khá');
SELECT htx_rating_label('khá', 'fr');

-- score thresholds (Circular 09/2017 Art. 6)
SELECT s, htx_rating_from_score(s) AS rating, htx_rating_from_score(s, true) AS fined
FROM unnest(ARRAY[0, 49.99, 50, 64.99, 65, 79.99, 80, 100]::numeric[]) AS s;
SELECT htx_rating_from_score(NULL) AS no_score, htx_rating_from_score(NULL, true) AS no_score_fined,
       htx_rating_from_score(90, NULL) AS fined_unknown;
SELECT htx_rating_from_score(100.01);
SELECT htx_rating_from_score(-0.01);
SELECT htx_rating_from_score('NaN');
SELECT 100.5::htx_score;
SELECT 99.999::htx_score;
