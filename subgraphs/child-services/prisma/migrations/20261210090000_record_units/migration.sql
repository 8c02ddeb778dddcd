-- Need to know within an agency: every record names the unit that holds it (rule
-- unit-sees-its-own-records in schema/src/policy/rules.ts), set from the creating officer's unit.
ALTER TABLE "ChildCase" ADD COLUMN "unit" TEXT;
ALTER TABLE "SchoolPlacement" ADD COLUMN "unit" TEXT;

-- Cases from before units were recorded are held by no unit the hub's tokens name: no one reads
-- them by the own-unit rule (fail closed) until the agency places them in the unit that handles
-- them. A placement is held where its child case is.
UPDATE "ChildCase" SET "unit" = 'child-services/unplaced' WHERE "unit" IS NULL;
UPDATE "SchoolPlacement" p SET "unit" = c."unit" FROM "ChildCase" c WHERE p."childCaseId" = c.id AND p."unit" IS NULL;

ALTER TABLE "ChildCase" ALTER COLUMN "unit" SET NOT NULL;
ALTER TABLE "SchoolPlacement" ALTER COLUMN "unit" SET NOT NULL;
