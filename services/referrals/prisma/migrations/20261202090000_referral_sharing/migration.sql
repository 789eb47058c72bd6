-- What the sender chose to share with the receiver, and referrals to actors outside the network.
ALTER TABLE "referrals" ADD COLUMN "shared_fields" TEXT[] DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "referrals" ADD COLUMN "external" BOOLEAN NOT NULL DEFAULT false;
