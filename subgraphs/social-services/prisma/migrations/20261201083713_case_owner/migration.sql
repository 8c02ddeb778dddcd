-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "ownerId" TEXT;

-- Cases from before owners were recorded: the first social secretary assigned to the case (its
-- opener, as openCase always assigned the opener) owns it.
UPDATE "Case" c SET "ownerId" = (
  SELECT a."staffId" FROM "Assignment" a
  WHERE a."caseId" = c.id AND a.role = 'SOCIAL_SECRETARY'
  ORDER BY a."assignedAt", a.id LIMIT 1
);
