\pset footer off
CREATE EXTENSION htx;
\echo '== htx_rating on sample spellings from the field'
SELECT s AS typed, s::htx_rating AS rating, htx_rating_label(s::htx_rating, 'en') AS english,
       s::htx_rating::integer AS code
FROM (VALUES ('Tốt'), ('KHA'), ('trung_binh'), ('yếu'), ('not rated')) AS v(s)
ORDER BY s::htx_rating DESC;
\echo '== Scores to ratings (Circular 09/2017/TT-BNNPTNT Art. 6)'
SELECT s AS score, htx_rating_from_score(s) AS rating
FROM unnest(ARRAY[92.5, 79.99, 65, 50, 12]::numeric[]) AS s;
