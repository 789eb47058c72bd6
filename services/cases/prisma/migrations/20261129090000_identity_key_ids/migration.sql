-- Encryption and look-up keys carry ids, stored beside what they protect, so a new key can be
-- put first while data under older keys stays readable and findable.
ALTER TABLE "persons" ADD COLUMN "identity_key_id" TEXT, ADD COLUMN "identity_hash_key_id" TEXT;
-- Persons written before key ids existed were protected with the development keys.
UPDATE "persons" SET "identity_key_id" = 'development', "identity_hash_key_id" = 'development';
ALTER TABLE "persons" ALTER COLUMN "identity_key_id" SET NOT NULL, ALTER COLUMN "identity_hash_key_id" SET NOT NULL;
