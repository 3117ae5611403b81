-- The trainer report's figures as GROUP BY queries, on the CSV export of the
-- same sessions (one event a row). Used by scripts/bench-report.sh.

-- Sessions, completed and succeeded, per scenario version.
SELECT "scénario", version, COUNT(DISTINCT session) AS sessions,
       SUM("événement" = 'ended' AND ("détail" LIKE '%(Success)' OR "détail" LIKE '%(Failure)')) AS completed,
       SUM("événement" = 'ended' AND "détail" LIKE '%(Success)') AS succeeded
FROM events GROUP BY 1, 2;

-- Time per page: each page_entered paired with the page_left that follows it.
CREATE TEMP TABLE visits AS
SELECT "scénario", version, page, next_t - t AS d FROM (
  SELECT "scénario", version, session, page, "événement" AS ev, CAST(temps_ms AS INTEGER) AS t,
         LEAD("événement") OVER w AS next_ev, LEAD(page) OVER w AS next_page,
         LEAD(CAST(temps_ms AS INTEGER)) OVER w AS next_t
  FROM events WHERE "événement" IN ('page_entered', 'page_left')
  WINDOW w AS (PARTITION BY session ORDER BY rowid)
) WHERE ev = 'page_entered' AND next_ev = 'page_left' AND next_page = page;

-- Median and quartiles per page (nearest rank: SQLite has no percentile function).
WITH r AS (
  SELECT "scénario", version, page, d,
         ROW_NUMBER() OVER (PARTITION BY "scénario", version, page ORDER BY d) AS k,
         COUNT(*) OVER (PARTITION BY "scénario", version, page) AS n
  FROM visits)
SELECT "scénario", version, page, MAX(n) AS n,
       MAX(CASE WHEN k = CAST((n - 1) * 0.25 AS INTEGER) + 1 THEN d END) AS q1,
       MAX(CASE WHEN k = CAST((n - 1) * 0.50 AS INTEGER) + 1 THEN d END) AS median,
       MAX(CASE WHEN k = CAST((n - 1) * 0.75 AS INTEGER) + 1 THEN d END) AS q3
FROM r GROUP BY 1, 2, 3;

-- Visits and sessions per page.
SELECT "scénario", version, page, COUNT(*) AS visits, COUNT(DISTINCT session) AS sessions
FROM events WHERE "événement" = 'page_entered' GROUP BY 1, 2, 3;

-- Errors per page, per field, and per field and kind (for the most frequent kind).
SELECT "scénario", version, page, COUNT(*) FROM events WHERE "événement" = 'field_error' GROUP BY 1, 2, 3;
SELECT "scénario", version, champ, erreur, COUNT(*) AS n FROM events
WHERE "événement" = 'field_error' GROUP BY 1, 2, 3, 4 ORDER BY n DESC;

-- Hints per page, and sessions that asked one there.
SELECT "scénario", version, page, COUNT(*), COUNT(DISTINCT session) FROM events
WHERE "événement" = 'hint_used' GROUP BY 1, 2, 3;

-- Abandons per page, incidents, postures.
SELECT "scénario", version, page, COUNT(*) FROM events WHERE "événement" = 'abandoned' GROUP BY 1, 2, 3;
SELECT "scénario", version, "détail", COUNT(*) FROM events WHERE "événement" = 'incident' GROUP BY 1, 2, 3;
SELECT "scénario", version, "détail", COUNT(*) FROM events WHERE "événement" = 'posture' GROUP BY 1, 2, 3;

-- Groups: sessions, completed, succeeded.
SELECT groupe, COUNT(DISTINCT session),
       SUM("événement" = 'ended' AND ("détail" LIKE '%(Success)' OR "détail" LIKE '%(Failure)')),
       SUM("événement" = 'ended' AND "détail" LIKE '%(Success)')
FROM events GROUP BY 1;
