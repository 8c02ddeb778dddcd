-- Need to know within an agency: every record names the unit that holds it (rule
-- unit-sees-its-own-records in schema/src/policy/rules.ts), set from the creating officer's unit.
ALTER TABLE "HousingApplication" ADD COLUMN "unit" TEXT;
ALTER TABLE "Tenancy" ADD COLUMN "unit" TEXT;

-- Records from before units were recorded are held by no unit the hub's tokens name: no one reads
-- them by the own-unit rule (fail closed) until the agency places them in the unit that handles them.
UPDATE "HousingApplication" SET "unit" = 'housing/unplaced' WHERE "unit" IS NULL;
UPDATE "Tenancy" SET "unit" = 'housing/unplaced' WHERE "unit" IS NULL;

ALTER TABLE "HousingApplication" ALTER COLUMN "unit" SET NOT NULL;
ALTER TABLE "Tenancy" ALTER COLUMN "unit" SET NOT NULL;
