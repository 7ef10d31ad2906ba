-- Each TOTP step is accepted once (a conditional UPDATE claims it), so a code seen over a
-- shoulder or replayed by a second instance is refused. Existing plaintext secrets are sealed by
-- the app at start (prisma/seed.ts calls sealPlaintextTotpSecrets): SQL has no key to do it.
ALTER TABLE "Account" ADD COLUMN "totpLastStep" INTEGER;
