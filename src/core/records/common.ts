import { z } from 'zod';
import { NAME_MAX_CHARS } from '../form-limits';

/** Every record gets a random UUID so exports from several browsers merge by id. */
export const Id = z.uuid();
/** Epoch milliseconds. */
export const Timestamp = z.number().int().nonnegative();
export const Name = z.string().trim().min(1).max(NAME_MAX_CHARS);
export const Text = z.string().max(10_000);
export const TextList = z.array(z.string().max(500)).max(50);

export const newId = (): string => crypto.randomUUID();
