import { z } from 'zod';
import { Id, Name, Text, TextList, Timestamp } from './common';

/** PRODUCT.md §2: name, short description, goals, needs, pain points (seed 002: age, job, values). */
export const Persona = z.strictObject({
  id: Id,
  name: Name,
  age: z.number().int().min(0).max(130).nullable().default(null),
  job: z.string().max(200).default(''),
  description: Text.default(''),
  goals: TextList.default([]),
  needs: TextList.default([]),
  painPoints: TextList.default([]),
  values: TextList.default([]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Persona = z.infer<typeof Persona>;
