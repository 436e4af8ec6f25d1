-- Two rejects may share a file name and line (a case-insensitive collation makes keys/a.csv and keys/A.csv one
-- name): each is kept, numbered within its line.

ALTER TABLE rejected_row ADD COLUMN reject_no INT NOT NULL DEFAULT 1;

ALTER TABLE rejected_row DROP PRIMARY KEY;

ALTER TABLE rejected_row ADD PRIMARY KEY (run_date, input_file, line, reject_no);
