-- Need to know within an agency: every record names the unit that holds it (rule
-- unit-sees-its-own-records in schema/src/policy/rules.ts), set from the creating officer's unit.
ALTER TABLE "Incident" ADD COLUMN "unit" TEXT;
ALTER TABLE "RestrainingOrder" ADD COLUMN "unit" TEXT;
ALTER TABLE "ThreatAssessment" ADD COLUMN "unit" TEXT;

-- Records from before units were recorded are held by no unit the hub's tokens name: no one reads
-- them by the own-unit rule (fail closed) until the agency places them in the unit that handles them.
UPDATE "Incident" SET "unit" = 'police-liaison/unplaced' WHERE "unit" IS NULL;
UPDATE "RestrainingOrder" SET "unit" = 'police-liaison/unplaced' WHERE "unit" IS NULL;
UPDATE "ThreatAssessment" SET "unit" = 'police-liaison/unplaced' WHERE "unit" IS NULL;

ALTER TABLE "Incident" ALTER COLUMN "unit" SET NOT NULL;
ALTER TABLE "RestrainingOrder" ALTER COLUMN "unit" SET NOT NULL;
ALTER TABLE "ThreatAssessment" ALTER COLUMN "unit" SET NOT NULL;
