// Need-to-know: a desk shows a case number, district and unit by default; who the student is and
// what they posted is shown only when an operator asks for it with a reason, and that is recorded.
import { z } from 'zod';

export const revealReasonSchema = z
  .string()
  .trim()
  .min(5, 'reason: at least 5 characters (why you need to see who this is)')
  .max(200, 'reason: at most 200 characters');
