-- requires: source_rows
-- Copies another module's table: waits until that module has created it.
create table copied as select * from source_rows;
