-- Regions side by side: each region (config/regions/<code>.yaml) has its own department registry,
-- an optional parent (a city above its districts) and its own mail sender and dashboard link.
-- A plan is active (its jobs run) from active_from to active_until; both are written by the next
-- load of the plan files, which every start does.
ALTER TABLE region ADD COLUMN parent_code VARCHAR(64);
ALTER TABLE region ADD COLUMN mail_from VARCHAR(200);
ALTER TABLE region ADD COLUMN dashboard_url VARCHAR(300);
ALTER TABLE plan ADD COLUMN active_from DATE;
ALTER TABLE plan ADD COLUMN active_until DATE;
