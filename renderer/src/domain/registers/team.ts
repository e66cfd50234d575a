import { bi } from '../bilingual';
import { RANKS } from '../setup';
import { isSet, notFuture } from '../roster/rules';
import { REF_ID_MAX, type RegisterDef } from './types';

export function teamNoKey(teamNo: number): string {
  return `teamNo:${teamNo}`;
}

/** A thana has one team of each number. */
export const TEAM_UNIQUE_KEYS = ['teamNo:'];

const leader = bi('साइबर लीडर (दल प्रमुख)', 'Cyber Leader (team leader)');
const nodal = bi('नोडल अधिकारी', 'Nodal officer');
const areaSection = bi('आवंटित क्षेत्र', 'Area assigned');

/**
 * A team (दल): a station employee (the Cyber Leader) with about 25 Mitans, under the thana's
 * nodal officer. Actual strength is read from running totals, never stored here.
 */
export const teamRegister: RegisterDef = {
  type: 'team',
  title: bi('साइबर मितान दल', 'Cyber Mitan teams'),
  printTitle: bi('साइबर मितान दल विवरण', 'Cyber Mitan team details'),
  serial: false,
  schemaVersion: 1,
  searchFields: ['name', 'leaderName', 'leaderMobile', 'beat'],
  lookupKeys: (d) => (typeof d.teamNo === 'number' ? [teamNoKey(d.teamNo)] : []),
  uniqueKeys: TEAM_UNIQUE_KEYS,
  validateRecord: (d) =>
    (Array.isArray(d.placeIds) && d.placeIds.length > 0) || isSet(d.beat)
      ? []
      : [
          {
            field: 'placeIds',
            code: 'area.required',
            severity: 'error',
            message: bi('आवंटित ग्राम/वार्ड या बीट में से कम से कम एक भरें', 'Enter the villages/wards assigned or the beat'),
          },
        ],
  paper: {
    columns: [
      { parts: ['teamNo', 'name'], label: bi('दल क्रमांक / नाम', 'Team no. / name'), repeat: true },
      { parts: ['leaderName', 'leaderRank', 'leaderMobile'], label: bi('साइबर लीडर: नाम / पद / मोबाइल', 'Cyber Leader: name / rank / mobile') },
      { parts: ['nodalName', 'nodalRank', 'nodalMobile'], label: bi('नोडल अधिकारी: नाम / पद / मोबाइल', 'Nodal officer: name / rank / mobile') },
      { parts: ['placeIds', 'beat'], label: bi('आवंटित ग्राम/वार्ड / बीट', 'Villages/wards assigned / beat') },
      { parts: ['formedOn'] },
      { parts: ['target'] },
      { parts: ['remarks'] },
    ],
  },
  fields: [
    {
      key: 'teamNo',
      label: bi('दल क्रमांक', 'Team no.'),
      type: 'int',
      required: true,
      min: 1,
      max: 9999,
      list: { order: 1, width: 70 },
      print: { order: 1, width: 8, total: false },
      importAliases: ['दल क्रमांक', 'दल क्र', 'दल संख्या', 'team no', 'team number'],
    },
    {
      key: 'name',
      label: bi('दल का नाम', 'Team name'),
      type: 'text',
      maxLength: 80,
      list: { order: 2, width: 160 },
      print: { order: 2, width: 18 },
      importAliases: ['दल का नाम', 'team name'],
    },
    {
      key: 'leaderName',
      label: bi('साइबर लीडर का नाम', 'Cyber Leader name'),
      type: 'text',
      required: true,
      maxLength: 100,
      section: leader,
      list: { order: 3, width: 160 },
      print: { order: 3, width: 20 },
      importAliases: ['साइबर लीडर', 'दल प्रमुख', 'लीडर का नाम', 'cyber leader', 'leader', 'leader name'],
    },
    {
      key: 'leaderRank',
      label: bi('साइबर लीडर का पद', 'Cyber Leader rank'),
      type: 'select',
      required: true,
      options: RANKS,
      list: { order: 4, width: 110 },
      print: { order: 4, width: 12 },
      importAliases: ['पद', 'लीडर का पद', 'rank', 'leader rank'],
    },
    {
      key: 'leaderMobile',
      label: bi('साइबर लीडर का मोबाइल', 'Cyber Leader mobile'),
      type: 'mobile',
      required: true,
      list: { order: 5, width: 110 },
      print: { order: 5, width: 12 },
      importAliases: ['लीडर का मोबाइल', 'leader mobile'],
    },
    {
      key: 'nodalName',
      label: bi('नोडल अधिकारी का नाम', 'Nodal officer name'),
      type: 'text',
      required: true,
      maxLength: 100,
      carryOver: true,
      section: nodal,
      print: { order: 6, width: 18 },
      importAliases: ['नोडल अधिकारी', 'nodal officer'],
    },
    {
      key: 'nodalRank',
      label: bi('नोडल अधिकारी का पद', 'Nodal officer rank'),
      type: 'select',
      required: true,
      options: RANKS,
      carryOver: true,
      print: { order: 7, width: 12 },
    },
    {
      key: 'nodalMobile',
      label: bi('नोडल अधिकारी का मोबाइल', 'Nodal officer mobile'),
      type: 'mobile',
      carryOver: true,
      print: { order: 8, width: 12 },
    },
    {
      key: 'placeIds',
      label: bi('आवंटित ग्राम/वार्ड', 'Villages/wards assigned'),
      type: 'refs',
      refType: 'place',
      maxLength: REF_ID_MAX,
      maxItems: 100,
      section: areaSection,
      print: { order: 9, width: 24 },
      importAliases: ['आवंटित क्षेत्र', 'ग्राम/वार्ड', 'area assigned', 'villages'],
    },
    {
      key: 'beat',
      label: bi('बीट', 'Beat'),
      type: 'text',
      maxLength: 60,
      list: { order: 6, width: 90 },
      print: { order: 10, width: 10 },
      importAliases: ['बीट', 'beat'],
    },
    {
      key: 'formedOn',
      label: bi('गठन दिनांक', 'Date formed'),
      type: 'date',
      required: true,
      carryOver: true,
      validate: notFuture('formedOn', bi('गठन दिनांक', 'Date formed')),
      list: { order: 7, width: 100 },
      print: { order: 11, width: 11 },
      importAliases: ['गठन दिनांक', 'date formed', 'formed on'],
    },
    {
      key: 'target',
      label: bi('लक्षित सदस्य संख्या', 'Target strength'),
      type: 'int',
      required: true,
      min: 1,
      max: 500,
      carryOver: true,
      help: bi('थाना सेटिंग में तय संख्या (सामान्यतः 25)', 'The number set in the thana settings (usually 25)'),
      print: { order: 12, width: 8 },
      importAliases: ['लक्षित सदस्य', 'लक्ष्य', 'target', 'target strength'],
    },
    {
      key: 'remarks',
      label: bi('रिमार्क', 'Remarks'),
      type: 'longtext',
      maxLength: 500,
      print: { order: 13, width: 16 },
      importAliases: ['रिमार्क', 'remarks'],
    },
  ],
};

/** A team's name as shown in lists and pickers: "दल 3 — शिवाजी नगर". */
export function teamLabel(data: Record<string, unknown>): string {
  const no = typeof data.teamNo === 'number' ? data.teamNo : '?';
  return typeof data.name === 'string' && data.name ? `${no} — ${data.name}` : String(no);
}
