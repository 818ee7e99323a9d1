#!/usr/bin/env bash
# The report for the Provincial People's Committee exported as docs/analyst.md
# says, with the one line given there: a CSV file that Excel opens with the
# Vietnamese intact (UTF-8 with a byte order mark, a header row of the
# Vietnamese column names, one row per former district and a total for each
# former province, "Toàn tỉnh" for Thái Nguyên cũ).  Prints
# TAP; run by prove from test/run.sh against a throwaway cluster.
set -uo pipefail
. "$(dirname "$0")/lib.bash"
cd "$(dirname "$0")/../.."

tinh=htx_tap_ppc_$$
tmp=$(mktemp -d /tmp/htx-tap-ppc.XXXXXX)
trap 'dropdb --if-exists "$tinh" >/dev/null 2>&1; rm -rf "$tmp"' EXIT

echo "1..11"
createdb "$tinh" || exit 1
# the default sample, as docs/analyst.md's recipes assume: the merged province
psql -X -q -v ON_ERROR_STOP=1 -d "$tinh" -c 'CREATE EXTENSION htx' -c 'SELECT htx_generate_sample()' >/dev/null || exit 1

# the line of docs/analyst.md, taken from the guide itself (with its database
# name), so that the documented command is the tested one
line=$(grep -m1 "^{ printf '\\\\357\\\\273\\\\277'; psql" docs/analyst.md)
check "docs/analyst.md gives the one-line export" test -n "$line"
(cd "$tmp" && PGDATABASE=$tinh sh -c "$(printf '%s' "$line" | sed "s/-d tinh /-d $tinh /")")
f=$tmp/bao-cao-htx-2025.csv
is "$(head -c 3 "$f" | od -An -tx1 | tr -d ' \n')" "efbbbf" "the file starts with the UTF-8 byte order mark Excel needs"
is "$(head -n 1 "$f" | tail -c +4 | cut -d, -f1-10)" \
	'Đơn vị,Số HTX,Tốt,Khá,Trung bình,Yếu,Không xếp loại,Chưa báo cáo xếp loại,"Tỷ lệ tốt, khá (%)"' \
	"the header row holds the Vietnamese column names (quoted where they hold a comma)"
is "$(wc -l < "$f" | tr -d ' ')" "$((1 + 9 + 1 + 8 + 1))" \
	"a header and 19 rows: the nine former districts of Thái Nguyên cũ and its total, the eight of Bắc Kạn cũ and its total"
is "$(grep -c '^Toàn tỉnh,578,' "$f")" "1" "Thái Nguyên cũ's total (Toàn tỉnh): its 578 cooperatives reporting for 2025, as in 1.0's sample"
is "$(grep -c '^Bắc Kạn cũ,' "$f")" "1" "and Bắc Kạn cũ's"
check "the file is valid UTF-8" iconv -f UTF-8 -t UTF-8 "$f" -o /dev/null
is "$(psql -X -q -At -d "$tinh" -c "SELECT count(*) FROM htx_ppc_report(2025) WHERE \"Đạt/Chưa đạt\" IN ('Đạt', 'Chưa đạt')")" "10" \
	"every row of Plan 42's territory (Thái Nguyên cũ's nine and its total) says Đạt or Chưa đạt for the good/fair target, no row of Bắc Kạn cũ"
is "$(psql -X -q -At -d "$tinh" -c "SELECT count(*) FROM htx_ppc_report(2025) WHERE \"Đơn vị\" = 'Bắc Kạn cũ' AND \"Đạt/Chưa đạt\" IS NULL AND \"Đạt/Chưa đạt (mô hình)\" IS NULL")" "1" \
	"Bắc Kạn cũ's total says nothing on Plan 42's targets (it does not take Thái Nguyên cũ's Toàn tỉnh status)"
is "$(tail -n 2 "$f" | cut -d, -f1 | tr '\n' '|')" "Bắc Kạn cũ|Toàn tỉnh|" \
	"the districts, then the province rows in the order of their codes: Bắc Kạn cũ (06), then Toàn tỉnh (19)"
# htx_ppc_report reads the district report once and decides the targets with
# htx_check_targets; its Đạt / Chưa đạt must be htx_target_progress's status
# of the plan's first target on each measure, in every year and area
is "$(psql -X -q -At -d "$tinh" -c "
	WITH st AS (
		SELECT DISTINCT ON (p.year, p.province_code, p.district_code, p.is_province_total, p.measure)
			p.year, p.province_code, p.district_code, p.is_province_total, p.measure,
			CASE p.status WHEN 'met' THEN 'Đạt' WHEN 'not met' THEN 'Chưa đạt' WHEN 'no data' THEN 'Không có số liệu'
				WHEN 'no tolerance' THEN 'Chưa xác định' WHEN 'not measurable' THEN 'Không đo được'
				WHEN 'no number' THEN 'Không có chỉ tiêu số' END AS vi
		FROM htx_target_progress p
		WHERE p.plan_code = 'TN-42/KH-UBND' AND p.measure IS NOT NULL
		ORDER BY p.year, p.province_code, p.district_code, p.is_province_total, p.measure, p.sort_order, p.target_code),
	want AS (
		SELECT r.year, r.area_name, m.measure,
			(SELECT st.vi FROM st WHERE st.year = r.year AND st.province_code IS NOT DISTINCT FROM r.province_code
				AND st.district_code IS NOT DISTINCT FROM r.district_code AND st.is_province_total = r.is_province_total
				AND st.measure = m.measure) AS vi
		FROM htx_district_year_report r
		CROSS JOIN unnest('{good_fair_share,model_count,model_avg_revenue_vnd,tech_share,managers_trained_share}'::text[]) AS m(measure)),
	got AS (
		SELECT y.year, p.\"Đơn vị\" AS area_name, m.measure, m.vi
		FROM (SELECT DISTINCT year FROM htx_cooperative_year) AS y
		CROSS JOIN LATERAL htx_ppc_report(y.year) AS p
		CROSS JOIN LATERAL (VALUES ('good_fair_share', p.\"Đạt/Chưa đạt\"), ('model_count', p.\"Đạt/Chưa đạt (mô hình)\"),
			('model_avg_revenue_vnd', p.\"Đạt/Chưa đạt (doanh thu)\"), ('tech_share', p.\"Đạt/Chưa đạt (KHKT)\"),
			('managers_trained_share', p.\"Đạt/Chưa đạt (đào tạo)\")) AS m(measure, vi))
	SELECT (SELECT count(*) FROM want) || ' ' || (SELECT count(*) FROM got) || ' '
		|| (SELECT count(*) FROM ((TABLE want EXCEPT ALL TABLE got) UNION ALL (TABLE got EXCEPT ALL TABLE want)) AS d)
		|| ' ' || (SELECT count(*) FROM got WHERE vi IN ('Đạt', 'Chưa đạt'))")" \
	"$(psql -X -q -At -d "$tinh" -c "SELECT count(*) * 5 FROM htx_district_year_report") $(psql -X -q -At -d "$tinh" -c "SELECT count(*) * 5 FROM htx_district_year_report") 0 $(psql -X -q -At -d "$tinh" -c "SELECT count(*) FROM htx_target_progress p WHERE p.plan_code = 'TN-42/KH-UBND' AND p.status IN ('met', 'not met') AND p.target_code IN (SELECT DISTINCT ON (t.scope, t.measure) t.target_code FROM htx_target t WHERE t.plan_code = 'TN-42/KH-UBND' AND t.measure IS NOT NULL ORDER BY t.scope, t.measure, t.sort_order, t.target_code)")" \
	"every year and area: the same Đạt / Chưa đạt / ... as htx_target_progress's status of the plan's first target on each measure"
exit $failed
