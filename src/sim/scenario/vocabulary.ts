/**
 * The closed word lists of the scenario format: roles, protocol variants, history policies and the
 * built-in servers. They live in one place so the zod schema, the resolved types and the error
 * messages ("allowed: …") can never list different words.
 */

/** Every role a principal can hold; `owner` is the patient whose PHR is shared. */
export const ROLES = ['owner', 'doctor', 'pharmacist', 'family', 'insurer', 'researcher'] as const;
/** A principal's role, bound into its certificate by the CA. */
export type Role = (typeof ROLES)[number];

/** The roles an owner's policy can grant partitions to: everyone but owners. */
export const USER_ROLES = ['doctor', 'pharmacist', 'family', 'insurer', 'researcher'] as const;
/** A role that reads other people's records. */
export type UserRole = (typeof USER_ROLES)[number];

/**
 * Protocol variants a scenario can run against: the secure protocol, and deliberately insecure
 * ones that exist so the properties they break can be shown to fail.
 */
export const VARIANTS = ['secure', 'otp-leak', 'revocation-keeps-acl'] as const;
/** A protocol variant by name. */
export type Variant = (typeof VARIANTS)[number];

/**
 * What a user joining an owner's group may read: all past versions (the paper's backward access
 * control, the default) or only what is written from the join on (SPEC section 8).
 */
export const HISTORY_POLICIES = ['all', 'from-join'] as const;
/** An owner's backward-access policy. */
export type HistoryPolicy = (typeof HISTORY_POLICIES)[number];

/**
 * The infrastructure every run has (SPEC section 2): the SRS, the CA, the cloud, the TPA, the time
 * server and the admin. They are not declared as principals, but a coalition (`collude`) may
 * include them; principals may not take their names, so a name always means one party.
 */
export const INFRASTRUCTURE = ['srs', 'ca', 'cloud', 'tpa', 'time-server', 'admin'] as const;
/** An infrastructure actor. */
export type InfrastructureName = (typeof INFRASTRUCTURE)[number];
