-- Where each person was read from, so that a later file listing them again is compared with it (a restart included),
-- and those later listings that disagree with it: another source's word on the same person (an IdP beside HR), for the
-- mismatch report.
ALTER TABLE person ADD COLUMN input_file VARCHAR(300);

CREATE TABLE person_listing (
  run_date DATE NOT NULL,
  input_file VARCHAR(300) NOT NULL,
  line BIGINT NOT NULL,
  email VARCHAR(300) NOT NULL,
  status VARCHAR(20) NOT NULL,
  termination_date DATE,
  kept_file VARCHAR(300) NOT NULL,
  kept_status VARCHAR(20) NOT NULL,
  PRIMARY KEY (run_date, input_file, line)
);
