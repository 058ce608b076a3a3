-- The scale benchmark's data (bench/README.md, "Scale run"), written into the platform's
-- PostgreSQL database while the platform is stopped:
--
--   psql -v part=runtime -v users_per_entity=10 -v open_tasks=200000 -f seed.sql DB
--   psql -v part=history -v history=1000000 -f seed.sql DB
--   psql -c ANALYZE DB
--
-- The two parts are independent (scale.sh runs them at the same time, one per core).
-- The hosted entities themselves are registered beforehand through the platform's API
-- (ScaleProbe entities: RUCs 205xxxxxxxx). Everything here copies the shape of rows the
-- platform itself wrote, so that queries meet what they would meet in production:
--  * people: per entity, users_per_entity Camunda users (the row, the authorization on their own
--    user, the role membership and the tenant membership: what People/Accounts create), with
--    the demo password, so the benchmark can log in as any of them;
--  * open tasks: copies of a real received document's process instance waiting at the Mesa de
--    Partes task (execution, task, candidate-group link, the task grant Camunda makes for the
--    group, the 14 variables, the history rows), spread evenly over the entities, 70 % for
--    mesa-partes, 15 % tramite-documentario, 10 % ogpp, 5 % ti, every fifth mesa-partes task
--    claimed by a person, created over the last 90 days;
--  * history: copies of the same instance as finished (process, activity and task history),
--    spread over the entities and the last two years.
-- Not copied: the platform's own rows per document (reception, PDF), which no query measured
-- here reads, and the history of variables. Ids are the template's with a suffix.
\set ON_ERROR_STOP on
SET synchronous_commit = off;

CREATE TEMP TABLE ent AS
  SELECT (row_number() OVER (ORDER BY ruc) - 1)::int AS idx, ruc FROM hosted_entity WHERE ruc LIKE '205%';
SELECT count(*) AS n_ent FROM ent \gset
\echo entities: :n_ent

-- the template: the oldest Mesa de Partes task of a received document
CREATE TEMP TABLE tpl AS
  SELECT id_ AS task_id, proc_inst_id_ AS pi FROM act_ru_task
  WHERE task_def_key_ = 'Task_ReceiveDocument' AND proc_def_id_ LIKE 'tramite-recepcion:%'
  ORDER BY create_time_ LIMIT 1;
SELECT task_id AS tpl_task, pi AS tpl_pi FROM tpl \gset
\echo template instance: :tpl_pi

-- an id of the template made the copy's: its UUID replaced by 16 hex digits of the UUID's MD5 and
-- the copy's suffix (short enough for Camunda's 64-character columns, e.g. an activity
-- instance id "StartEvent_DocumentReceived:<uuid>")
CREATE FUNCTION pg_temp.remap(v text, suffix text) RETURNS text AS $$
  SELECT CASE WHEN u IS NULL THEN v ELSE replace(v, u, left(md5(u), 16) || suffix) END
  FROM substring(v FROM '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}') u
$$ LANGUAGE sql IMMUTABLE;

-- copies the rows of tbl matching cond once per row of the cases table c: every text column that
-- holds an id of the template gets the copy's id (the process definition is kept), and the
-- columns in overrides take the given SQL expression (over x, the template row, and c)
CREATE FUNCTION pg_temp.clone(tbl text, cond text, cases text, overrides jsonb) RETURNS bigint AS $$
DECLARE
  cols text;
  sel text;
  n bigint;
BEGIN
  SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position),
         string_agg(CASE
           WHEN overrides ? column_name THEN overrides ->> column_name
           WHEN data_type = 'character varying' AND column_name NOT IN ('proc_def_id_', 'text_', 'text2_', 'name_', 'description_')
             THEN format('pg_temp.remap(x.%I, c.suffix)', column_name)
           ELSE 'x.' || quote_ident(column_name) END, ', ' ORDER BY ordinal_position)
    INTO cols, sel
    FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = tbl;
  EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM %I x CROSS JOIN %I c WHERE %s', tbl, cols, sel, tbl, cases, cond);
  GET DIAGNOSTICS n = ROW_COUNT;
  RAISE NOTICE '% rows into %', n, tbl;
  RETURN n;
END
$$ LANGUAGE plpgsql;

SELECT :'part' = 'runtime' AS do_runtime, :'part' = 'history' AS do_history \gset

\if :do_runtime
-- ------------------------------------------------------------------ people
\echo people...
CREATE TEMP TABLE person AS
  SELECT e.ruc, k, e.ruc || '.u' || lpad(k::text, 2, '0') AS user_id,
         CASE k % 10 WHEN 0 THEN 'usuario-maestro' WHEN 1 THEN 'mesa-partes' WHEN 2 THEN 'mesa-partes'
           WHEN 3 THEN 'mesa-partes' WHEN 4 THEN 'mesa-partes' WHEN 5 THEN 'tramite-documentario'
           WHEN 6 THEN 'tramite-documentario' WHEN 7 THEN 'ti' WHEN 8 THEN 'ogpp' ELSE 'asesoria-legal' END AS group_id
  FROM ent e CROSS JOIN generate_series(0, :users_per_entity - 1) k;
INSERT INTO act_id_user (id_, rev_, first_, last_, email_, pwd_, salt_, attempts_)
  SELECT p.user_id, 1, 'Persona ' || p.k, 'Prueba ' || p.ruc, p.user_id || '@prueba.gob.pe', d.pwd_, d.salt_, 0
  FROM person p CROSS JOIN (SELECT pwd_, salt_ FROM act_id_user WHERE id_ = 'muni.mesapartes') d;
INSERT INTO act_id_membership (user_id_, group_id_) SELECT user_id, group_id FROM person;
INSERT INTO act_id_tenant_member (id_, tenant_id_, user_id_, group_id_)
  SELECT 'sc-tm-' || user_id, ruc, user_id, NULL FROM person;
INSERT INTO act_ru_authorization (id_, rev_, type_, group_id_, user_id_, resource_type_, resource_id_, perms_)
  SELECT 'sc-au-' || user_id, 1, 1, NULL, user_id, 1, user_id, 2147483647 FROM person;

-- ------------------------------------------------------------------ open tasks
\echo open tasks...
CREATE TEMP TABLE open_case AS
  SELECT g, '-o' || g AS suffix, e.ruc,
         CASE WHEN h % 20 < 14 THEN 'mesa-partes' WHEN h % 20 < 17 THEN 'tramite-documentario'
              WHEN h % 20 < 19 THEN 'ogpp' ELSE 'ti' END AS group_id, (h / 20) % 5 = 0 AS claimed,
         localtimestamp - make_interval(mins => (g * 37) % 129600) AS created
  -- the group and the claim from a hash of g, not from g itself: the entity is g modulo their number
  FROM generate_series(1, :open_tasks) g CROSS JOIN LATERAL (SELECT abs(hashint4(g)) AS h) hash
  JOIN ent e ON e.idx = g % :n_ent;

SELECT pg_temp.clone('act_ru_execution', format('x.proc_inst_id_ = %L', :'tpl_pi'), 'open_case',
  '{"tenant_id_": "c.ruc"}');
SELECT pg_temp.clone('act_ru_task', format('x.proc_inst_id_ = %L', :'tpl_pi'), 'open_case',
  jsonb_build_object('tenant_id_', 'c.ruc', 'create_time_', 'c.created', 'last_updated_', 'c.created',
    'name_', $$'Recepcionar documento (prueba de escala ' || c.g || ')'$$,
    'assignee_', $$CASE WHEN c.group_id = 'mesa-partes' AND c.claimed THEN c.ruc || '.u01' END$$));
SELECT pg_temp.clone('act_ru_identitylink', format('x.task_id_ = %L', :'tpl_task'), 'open_case',
  '{"tenant_id_": "c.ruc", "group_id_": "c.group_id"}');
-- the candidate group's grant on the task: only the work (as the template's) for mesa-partes, which
-- reads the procedure's tasks by definition, and also READ for the others (NewTaskAuthorizationProvider)
SELECT pg_temp.clone('act_ru_authorization', format('x.resource_type_ = 7 AND x.resource_id_ = %L', :'tpl_task'),
  'open_case', $${"group_id_": "c.group_id", "perms_": "CASE WHEN c.group_id = 'mesa-partes' THEN x.perms_ ELSE x.perms_ | 2 END"}$$);
-- the person who claimed a task is granted it, as Camunda does on claim
INSERT INTO act_ru_authorization (id_, rev_, type_, group_id_, user_id_, resource_type_, resource_id_, perms_)
  SELECT 'sc-ta' || c.suffix, 1, 1, NULL, c.ruc || '.u01', 7, pg_temp.remap(:'tpl_task', c.suffix), 6
  FROM open_case c WHERE c.group_id = 'mesa-partes' AND c.claimed;
SELECT pg_temp.clone('act_ru_variable', format('x.proc_inst_id_ = %L', :'tpl_pi'), 'open_case',
  '{"tenant_id_": "c.ruc"}');
SELECT pg_temp.clone('act_hi_procinst', format('x.proc_inst_id_ = %L', :'tpl_pi'), 'open_case',
  '{"tenant_id_": "c.ruc", "start_time_": "c.created"}');
SELECT pg_temp.clone('act_hi_actinst', format('x.proc_inst_id_ = %L', :'tpl_pi'), 'open_case',
  '{"tenant_id_": "c.ruc", "start_time_": "c.created", "end_time_": "CASE WHEN x.end_time_ IS NULL THEN NULL ELSE c.created END"}');
SELECT pg_temp.clone('act_hi_taskinst', format('x.proc_inst_id_ = %L', :'tpl_pi'), 'open_case',
  '{"tenant_id_": "c.ruc", "start_time_": "c.created"}');

\endif

\if :do_history
-- ------------------------------------------------------------------ history
\echo history...
CREATE TEMP TABLE done_case AS
  SELECT g, '-h' || g AS suffix, e.ruc,
         localtimestamp - make_interval(mins => 60 * 24 * 3 + (g * 53) % 1051200) AS started,
         make_interval(mins => 30 + (g * 17) % 14400) AS took
  FROM generate_series(1, :history) g JOIN ent e ON e.idx = g % :n_ent;
SELECT pg_temp.clone('act_hi_procinst', format('x.proc_inst_id_ = %L', :'tpl_pi'), 'done_case',
  jsonb_build_object('tenant_id_', 'c.ruc', 'start_time_', 'c.started', 'end_time_', 'c.started + c.took',
    'duration_', '(extract(epoch FROM c.took) * 1000)::bigint', 'state_', $$'COMPLETED'$$,
    'end_act_id_', $$'EndEvent_CargoIssued'$$, 'removal_time_', $$c.started + c.took + interval '10 years'$$));
SELECT pg_temp.clone('act_hi_actinst', format('x.proc_inst_id_ = %L', :'tpl_pi'), 'done_case',
  jsonb_build_object('tenant_id_', 'c.ruc', 'start_time_', 'c.started', 'end_time_', 'c.started + c.took',
    'duration_', '(extract(epoch FROM c.took) * 1000)::bigint', 'act_inst_state_', '1',
    'removal_time_', $$c.started + c.took + interval '10 years'$$));
SELECT pg_temp.clone('act_hi_taskinst', format('x.proc_inst_id_ = %L', :'tpl_pi'), 'done_case',
  jsonb_build_object('tenant_id_', 'c.ruc', 'start_time_', 'c.started', 'end_time_', 'c.started + c.took',
    'duration_', '(extract(epoch FROM c.took) * 1000)::bigint', 'delete_reason_', $$'completed'$$,
    'task_state_', $$'Completed'$$, 'assignee_', $$c.ruc || '.u01'$$,
    'removal_time_', $$c.started + c.took + interval '10 years'$$));

\endif
