-- Tonight's usage anomalies of each key (a spike against its own baseline, a jump in failed calls), with their
-- evidence, for the anomaly rule; recomputed by each night's detectAnomalies.

ALTER TABLE key_register ADD COLUMN anomalies VARCHAR(2000);
