/**
 * Secrets never enter the audit trail: it is kept for years, exported in audit packages and read by
 * auditors. Event schemas are strict (unknown keys are refused); this check adds a net for
 * free-form parts (records, arrays) and for a schema that declares such a field by mistake.
 */

/** Lower-case fragments of key names that hold secrets; `passwordHash` and `api_token` match too. */
export const SECRET_KEY_FRAGMENTS = [
  "password",
  "passphrase",
  "token",
  "secret",
  "totp",
  "recoverycode",
  "apikey",
  "privatekey",
];

export function isSecretKey(key: string): boolean {
  const normalized = key.toLowerCase().replace(/[^a-z0-9]/g, "");
  return SECRET_KEY_FRAGMENTS.some((fragment) => normalized.includes(fragment));
}

/** The path of the first key anywhere in `value` that names a secret, or null. */
export function findSecretKey(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findSecretKey(item, [...path, index]);
      if (found) return found;
    }
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (isSecretKey(key)) return [...path, key];
      const found = findSecretKey(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
