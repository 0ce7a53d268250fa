-- Lookup hashes shrink from 64 hex digits (all of HMAC-SHA256) to its first 128 bits in base64url
-- (22 characters), as server/platform/crypto.ts now computes them. The first 16 bytes of the stored
-- digest ARE the new hash, so existing rows convert without the key and without decrypting.
-- Only 64-character values are touched: the statement is safe to run twice.
UPDATE "people_residents" SET "id_hash" = rtrim(translate(encode(substring(decode("id_hash", 'hex') from 1 for 16), 'base64'), '+/', '-_'), '=') WHERE length("id_hash") = 64;--> statement-breakpoint
UPDATE "people_residents" SET "phone_hash" = rtrim(translate(encode(substring(decode("phone_hash", 'hex') from 1 for 16), 'base64'), '+/', '-_'), '=') WHERE length("phone_hash") = 64;
