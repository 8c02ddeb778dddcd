-- AlterTable
ALTER TABLE "Loan" ADD COLUMN     "returnedAt" TIMESTAMP(3);
