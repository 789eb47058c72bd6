-- Actors outside the network: referrals can go to them, and the sender records their answers.
ALTER TABLE "organisations" ADD COLUMN "in_network" BOOLEAN NOT NULL DEFAULT true;
