import { InvalidArgumentError } from "../core/errors/clientErrors.js";

const TENANT = /^[A-Za-z0-9]{1,64}$/;

/** Checks an Agentset tenant id (`x-tenant-id`): 1 to 64 ASCII letters or digits. @throws InvalidArgumentError */
export function checkTenantId(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !TENANT.test(value)) {
    throw new InvalidArgumentError(name, `'${name}' must be 1 to 64 ASCII letters or digits (^[A-Za-z0-9]{1,64}$).`);
  }
  return value;
}

/** Checks config metadata: values are strings, numbers, booleans or string arrays, never nested objects. */
export function checkMetadata(metadata: unknown, name: string): void {
  if (metadata === undefined || metadata === null) return;
  if (typeof metadata !== "object" || Array.isArray(metadata)) throw new InvalidArgumentError(name, `'${name}' must be an object.`);
  for (const [key, value] of Object.entries(metadata as Record<string, unknown>)) {
    const ok =
      typeof value === "string" || typeof value === "number" || typeof value === "boolean" ||
      (Array.isArray(value) && value.every((v) => typeof v === "string"));
    if (!ok) throw new InvalidArgumentError(name, `'${name}.${key}' must be a string, number, boolean or string array (not a nested object).`);
  }
}
