// The contract's report channels: supervisors' reports and analytics over a date range.
// Spread into invokeContract (contract.ts); CHANNEL_ACCESS (accounts.ts) says who may call each.
import { z } from 'zod';
import { reportRequestSchema, reportSchema } from './report';

export const reportInvokeContract = {
  /** Aggregates over the live flags received in [fromMs, toMs), optionally one shift's hours. */
  getReport: { request: reportRequestSchema, response: reportSchema },
  /** The desk downloaded the report's CSV: recorded in the audit trail (who, which period). */
  recordReportExport: { request: reportRequestSchema, response: z.object({ recorded: z.literal(true) }) },
} as const;
