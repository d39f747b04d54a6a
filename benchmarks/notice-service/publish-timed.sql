-- Included by publish-75.sql and publish-district.sql: runs risk_map_publish(:notice_id) in the current transaction
-- and sets :ms (wall time) and :cpu (CPU ms of this backend, from /proc/self/stat in ticks of 10 ms: steadier than
-- the wall time on a busy machine; reading it needs a superuser, as the benchmark's psql is).
select clock_timestamp() as t0, (select split_part(s, ' ', 14)::int + split_part(s, ' ', 15)::int
                                 from pg_read_file('/proc/self/stat') s) as cpu0 \gset
select count(*) from risk_map_publish(:notice_id) \g /dev/null
select round(extract(epoch from clock_timestamp() - :'t0'::timestamptz) * 1000) as ms,
       10 * ((select split_part(s, ' ', 14)::int + split_part(s, ' ', 15)::int from pg_read_file('/proc/self/stat') s)
             - :cpu0) as cpu \gset
