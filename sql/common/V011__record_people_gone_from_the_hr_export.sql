-- A person a complete HR export no longer lists is gone from that night (many exports list active workers only):
-- person.gone_since holds the night, and person_change logs when a person went and came back.

ALTER TABLE person ADD COLUMN gone_since DATE;

CREATE TABLE person_change (
  run_date DATE NOT NULL,
  email VARCHAR(300) NOT NULL,
  event VARCHAR(30) NOT NULL,
  old_value VARCHAR(30),
  new_value VARCHAR(30),
  PRIMARY KEY (run_date, email, event)
);
