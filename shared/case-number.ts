// The case number a desk reads out and writes down: the flag's store sequence, as LC-000123. One
// format for every engine and every view (the store's rows, handover sheets, reports).
export const caseNoOf = (seq: number) => `LC-${String(seq).padStart(6, '0')}`;
