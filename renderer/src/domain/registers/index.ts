import { complaintRegister } from './complaint';
import { mitanRegister } from './mitan';
import { outreachRegister } from './outreach';
import { placeRegister } from './place';
import { teamRegister } from './team';
import { trainingRegister } from './training';
import type { RegisterDef } from './types';

/** Every register the station keeps, by record type. Issues add theirs here. */
export const REGISTERS: Record<string, RegisterDef> = {
  place: placeRegister,
  team: teamRegister,
  mitan: mitanRegister,
  outreach: outreachRegister,
  complaint: complaintRegister,
  training: trainingRegister,
};

export function registerOf(type: string): RegisterDef {
  const def = REGISTERS[type];
  if (!def) throw new Error(`Unknown register: ${type}`);
  return def;
}
