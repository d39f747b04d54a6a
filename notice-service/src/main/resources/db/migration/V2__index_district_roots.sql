-- riskLevel reads the district names (the roots, depth 0) on every call to recognise the district in an address
-- (RiskQueries.knownDistricts). Without an index that is a sequential scan of the whole area table, which grows
-- with every imported notice: at 100,000 areas it cost about 19 ms of PostgreSQL CPU per riskLevel call, nine
-- tenths of the database's share of the request (benchmarks/notice-service/README.md). This partial index holds
-- one entry per district, so the read is an index-only scan of a handful of rows whatever the number of areas.
create index area_district_roots_idx on area (name) where depth = 0;
