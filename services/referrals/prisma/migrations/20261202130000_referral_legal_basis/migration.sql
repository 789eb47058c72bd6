-- What allowed a referral to share the case with its receiver: the person's consent (its id in
-- consent_id), or a ground in law on which the receiver is on the case team (OSL 10:28, OSL 26:9,
-- skollagen 29:9). Referrals sent before this relied on consent.
ALTER TABLE "referrals" ADD COLUMN "legal_basis" TEXT NOT NULL DEFAULT 'consent',
    ADD CONSTRAINT "referrals_legal_basis_check" CHECK ("legal_basis" IN ('consent', 'duty_to_disclose', 'social_services_and_health_care', 'youth_activity_responsibility')),
    -- A ground in law is not a consent: such a referral names none.
    ADD CONSTRAINT "referrals_legal_basis_consent_check" CHECK ("legal_basis" = 'consent' OR "consent_id" IS NULL);
