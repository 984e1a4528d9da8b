/**
 * Scenario names as protocol identifiers. The loader only accepts names matching
 * `[A-Za-z][A-Za-z0-9_.-]*` and refuses the infrastructure names for principals, which is a subset
 * of what the protocol's `principalId`, `fileId` and `partitionLabel` accept; so re-branding
 * needs no check here, and nothing the executor passes on can make those constructors throw.
 */
import type { FileId, PartitionLabel, PrincipalId } from '../../protocol/index.ts';

/** A scenario principal name as the protocol's principal id. */
export const asPrincipal = (name: string): PrincipalId => name as PrincipalId;

/** A scenario file name as the protocol's file id. */
export const asFile = (name: string): FileId => name as FileId;

/** A scenario partition label as the protocol's label. */
export const asPartition = (label: string): PartitionLabel => label as PartitionLabel;
