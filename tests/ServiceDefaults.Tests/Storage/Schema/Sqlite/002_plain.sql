create table plain (x integer);
