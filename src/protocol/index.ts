/**
 * The public surface of `sesphr-lab/protocol`: the SeSPHR scheme and its mechanisms (crypto/), PHRs
 * (phr/), and the actors wired into a system. Other layers (the net, the simulator, the verifier)
 * import from here only; what is not listed is internal and may change.
 * @module
 */

// What the actors hand out.
export {
  type AclDecision,
  type AclSnapshot,
  type HistoryPolicy,
  type Membership,
  OwnerAcl,
} from './actors/acl.ts';
export type { Registration, RegistrationStatus } from './actors/admin.ts';
export type { AttackEntry, AttackerSummary } from './actors/attack-log.ts';
export {
  type CoalitionDecryption,
  coalitionCanDecrypt,
  coalitionDecrypt,
  coalitionKnowledge,
  poolHoldings,
} from './actors/attacker.ts';
export type {
  ConsentRequest,
  ConsentTicket,
  DownloadSelection,
  InsiderObject,
  ReportListing,
  StoredChunk,
  StoredView,
  TamperReport,
  TamperTarget,
  Transaction,
} from './actors/cloud.ts';
export type { Commitment, SignedCommitment } from './actors/commitment.ts';
export type {
  HeldCiphertext,
  HeldOwnerParameter,
  HeldPlaintext,
  HeldUserParameter,
  Holdings,
  KnowledgeHolder,
} from './actors/holdings.ts';
export type { DraftView, OwnedFile, OwnedPartition } from './actors/owner.ts';
export type { RevocationResult } from './actors/srs.ts';
export type { AuditFinding, AuditReport } from './actors/tpa.ts';
export type { IssuedParameter } from './actors/user.ts';
export { inWindow, type TimeWindow } from './actors/window.ts';
export { assertInstant, type ClockReader, DEFAULT_START, SimClock } from './clock.ts';
// The surrounding mechanisms (MECH).
export {
  type Certificate,
  type CertificateBody,
  type CertificateCheck,
  type CertificateInvalidReason,
  certificateBodyBytes,
  decodeCertificate,
  encodeCertificate,
  issueCertificate,
  verifyCertificate,
} from './crypto/certificate.ts';
export {
  aesGcmDecrypt,
  aesGcmEncrypt,
  DEM_KEY_BYTES,
  deriveDemKey,
  encodePartitionAad,
  hkdfSha256,
  NONCE_BYTES,
  type OpenResult,
  openPartition,
  type PartitionAad,
  sealPartition,
  TAG_BYTES,
} from './crypto/dem.ts';
// The SeSPHR construction (SCHEME).
export {
  DecodeError,
  decodeG1,
  decodeG2,
  decodeGt,
  decodeScalar,
  encodeG1,
  encodeG2,
  encodeGt,
  encodeScalar,
  G1_BYTES,
  G2_BYTES,
  GT_BYTES,
  isDecodeError,
  SCALAR_BYTES,
} from './crypto/encoding.ts';
export {
  type AuditEntry,
  type AuditRecord,
  anchorOf,
  appendEntry,
  type ChainAnchor,
  type ChainCheck,
  entryHash,
  GENESIS_HASH,
  verifyChain,
} from './crypto/hash-chain.ts';
export {
  leafHash,
  type MerkleProof,
  type MerkleSibling,
  type MerkleSide,
  merkleProof,
  merkleRoot,
  splitBlocks,
  verifyMerkleProof,
} from './crypto/merkle.ts';
export {
  type HotpOptions,
  hotp,
  type OtpHash,
  type TotpOptions,
  totp,
  totpStep,
  type VerifyTotpOptions,
  verifyTotp,
} from './crypto/otp.ts';
export { forkRng, keyedRng, type Rng, seededRng } from './crypto/rng.ts';
export {
  assertScalar,
  decapsulate,
  type G1,
  G1_GENERATOR,
  type G2,
  G2_GENERATOR,
  GROUP_ORDER,
  type Gt,
  generateKeyPair,
  gtEquals,
  isInGt,
  type KeyPair,
  ownerDecapsulate,
  ownerParameter,
  pairingGenerator,
  publicKeyOf,
  randomScalar,
  reEncrypt,
  reEncryptionKey,
  type Scalar,
  sessionKey,
} from './crypto/sesphr-kem.ts';
export { type SignedTime, signTime, verifySignedTime } from './crypto/signed-time.ts';
export {
  generateSigningKey,
  type SigningKey,
  signBytes,
  signingKeyFromSecret,
  verifySignature,
} from './crypto/signing.ts';
export {
  buildIndex,
  DEFAULT_BUCKET_SIZE,
  type IndexOptions,
  matches,
  normaliseKeyword,
  type SearchIndex,
  searchKey,
  trapdoor,
} from './crypto/sse.ts';
export {
  type ActorId,
  type FileId,
  fileId,
  INFRASTRUCTURE,
  type InfrastructureId,
  isInfrastructure,
  isRole,
  type PrincipalId,
  principalId,
  ROLES,
  type Role,
  USER_ROLES,
  type UserRole,
} from './ids.ts';
export {
  factKey,
  type Knowledge,
  type KnowledgeFact,
  knowledgeOf,
  knows,
  type ObjectRef,
  objectKey,
} from './knowledge.ts';
// The SeSPHR net (the protocol as a High-Level Petri Net).
export * from './net/index.ts';
export {
  DENIAL_REASONS,
  type DenialReason,
  type Denied,
  denied,
  isOk,
  type Ok,
  type Outcome,
  ok,
} from './outcome.ts';
export {
  type AccessLevel,
  accessLevel,
  DEFAULT_PARTITIONS,
  DEFAULT_RESOURCE_TYPES,
  FHIR_RESOURCE_TYPES,
  type FhirResourceType,
  type PartitionLabel,
  type Phr,
  partitionLabel,
} from './phr/partition.ts';
export {
  keywordsOf,
  resourceTypesOf,
  SIZE_TOLERANCE,
  type SyntheticPhrOptions,
  syntheticPhr,
} from './phr/synthetic.ts';
// The system and its vocabulary.
export {
  type Approval,
  createSystem,
  type Grantee,
  type PartitionScheme,
  type PrincipalView,
  resolveSystemOptions,
  SeSphrSystem,
  type SystemConfig,
  type SystemOptions,
  type UploadedPartition,
  type UploadReceipt,
} from './system.ts';
export { isVariant, VARIANT_FLAWS, VARIANTS, type Variant } from './variant.ts';
