// The audit trail's hash chain: how an entry is hashed and how the whole trail is checked. Each
// entry's hash covers its own fields and the previous entry's hash, so changing, removing or
// reordering any entry breaks every link after it. Both live at the seam (store/audit-hash.ts,
// store/audit-chain-check.ts), so every engine hashes and checks alike; each engine walks its own
// trail through them (StoreVerifier.verifyAuditTrail).
export { auditAtText, auditHash, GENESIS_PREV_HASH, type AuditEntry } from '../store/audit-hash';
export { auditChainChecker, verifyAuditEntries, type AuditVerification } from '../store/audit-chain-check';
