import { z } from 'zod';

/** A control-room number as an administrator may enter it: digits, spaces, + and - only. */
export const unitContactSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 -]{5,19}$/, 'contact: a telephone number (digits, spaces, + and -)');
