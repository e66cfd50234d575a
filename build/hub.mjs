#!/usr/bin/env node
// `npm run hub -- …`: the district IT cell's tool for the CouchDB hub. It runs the app's own
// provisioning code (renderer/src/sync/provision.ts), bundled here on the fly with esbuild, so the
// app and this tool can never disagree about databases, roles, validation or replication.
//
//   npm run hub -- provision --url https://hub.example:6984 --district bilaspur \
//        --thana BSPKOTA:2 --thana BILHA:1 --district-user sp_bilaspur --origin http://127.0.0.1:5173
//   npm run hub -- provision --url … --config hub-plan.json      (the same plan as JSON)
//   npm run hub -- status --url https://hub.example:6984 --district bilaspur
//   npm run hub -- retire-leaves --url https://hub.example:6984 --district bilaspur   (or --thana CODE)
//   npm run hub -- --help
//
// Admin credentials: HUB_ADMIN_USER and HUB_ADMIN_PASSWORD, or --admin <name> and a password
// prompt. New accounts' passwords are printed once (and written to --accounts <file> if given).
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

const HELP = `साइबर मितान हब / Cyber Mitan hub

  npm run hub -- provision     --url <hub> --district <name> --thana <CODE[:pcs]> … [options]
  npm run hub -- status        --url <hub> --district <name>
  npm run hub -- retire-leaves --url <hub> (--district <name> | --thana <CODE> …)
  npm run hub -- --help

provision (idempotent: run it again after adding a thana or a PC, and after an app update that
adds a register or raises a register's schemaVersion: the hub's rules come from the app's registers):
  --thana CODE[:N]        a thana and its number of PCs (default 1): users pc_<code>_1 … pc_<code>_N,
                          serial series A (plain), B, C … in that order; an account keeps its series
  --pc CODE:user[:L]      one more named PC account for a thana (L: its series letter, else the next free)
  --district-user name    a district reader (role district_<name>)
  --origin URL            an origin allowed by CORS besides app://thana (the web mode's address)
  --internal-url URL      how the hub reaches itself for replication (default: --url)
  --reset-password user   give this existing account a new password
  --config plan.json      {district, thanas:[{code, pcs:[{username, series?}]}], districtUsers, origins}
  --accounts file.csv     also write new accounts and passwords to this file (keep it safe)
  It also sets the server up: valid users only, _all_dbs for admins, no sign-ups, CORS for the app
  only, and a replication account (repl_<district>) for the district's replication jobs. The district
  suspect registry (registry_<district>) is fed by one selective job per thana and read by every PC
  account (role registry_<district>); it holds identifiers of fraud, never a complainant.

status: every database provisioning made for the district (its thanas, district_<name>,
  registry_<name>) with its document count and validation function (current / outdated / missing),
  and each replication job (thana → district, thana → registry) with its state.

retire-leaves (also --retire-leaves): delete conflict leaves that stations have folded into the
  winning version's history (listed in its foldedRevs, every version present); others stay.

admin: HUB_ADMIN_USER / HUB_ADMIN_PASSWORD, or --admin <name> (password asked)
`;

/** Options that take no value. */
const FLAGS = new Set(['help', 'retire-leaves']);

function parseArgs(argv) {
  const out = { _: [], thana: [], pc: [], 'district-user': [], origin: [], 'reset-password': [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      out._.push(a);
      continue;
    }
    const [k, inline] = a.slice(2).split('=', 2);
    if (FLAGS.has(k)) {
      out[k] = true;
      continue;
    }
    const v = inline ?? argv[++i];
    if (v === undefined) throw new Error(`--${k} needs a value`);
    if (Array.isArray(out[k])) out[k].push(v);
    else out[k] = v;
  }
  return out;
}

async function ask(question, hidden) {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  if (hidden) {
    rl._writeToOutput = (s) => {
      if (s.includes(question)) rl.output.write(s);
    };
  }
  const answer = await new Promise((r) => rl.question(question, r));
  rl.close();
  if (hidden) process.stdout.write('\n');
  return answer;
}

async function loadProvisioning() {
  const dir = mkdtempSync(join(tmpdir(), 'cmtd-hub-cli-'));
  const outfile = join(dir, 'provision.mjs');
  try {
    await build({
      stdin: { contents: "export * from './provision'; export * from './hub-jobs'; export * from './hub-status'; export { thanaDbName } from './vdu';", resolveDir: join(root, 'renderer/src/sync'), loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      alias: { '@': join(root, 'renderer/src') },
      logLevel: 'error',
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function plan(args) {
  if (args.config) {
    const p = JSON.parse(readFileSync(resolve(args.config), 'utf8'));
    return { origins: [], districtUsers: [], ...p };
  }
  if (!args.district) throw new Error('--district is required');
  const thanas = new Map();
  for (const t of args.thana) {
    const [raw, n = '1'] = t.split(':');
    const code = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
    const count = Number(n);
    if (!Number.isInteger(count) || count < 1 || count > 20) throw new Error(`--thana ${t}: PCs must be 1–20`);
    const lower = code.toLowerCase();
    thanas.set(code, { code, pcs: Array.from({ length: count }, (_, i) => ({ username: `pc_${lower}_${i + 1}` })) });
  }
  for (const p of args.pc) {
    const [raw, username, series] = p.split(':');
    const code = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
    if (!thanas.has(code)) thanas.set(code, { code, pcs: [] });
    thanas.get(code).pcs.push({ username, ...(series ? { series: series.toUpperCase() } : {}) });
  }
  return {
    district: args.district,
    thanas: [...thanas.values()],
    districtUsers: args['district-user'].map((username) => ({ username })),
    origins: args.origin,
    internalUrl: args['internal-url'],
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const cmd = args['retire-leaves'] ? 'retire-leaves' : args._[0];
  if (!cmd || cmd === 'help' || args.help) {
    process.stdout.write(HELP);
    return;
  }
  if (!args.url) throw new Error('--url is required');
  const username = process.env.HUB_ADMIN_USER ?? args.admin ?? (await ask('Hub admin user / हब एडमिन: ', false));
  const password = process.env.HUB_ADMIN_PASSWORD ?? (await ask(`Password for ${username} / पासवर्ड: `, true));
  if (!['provision', 'status', 'retire-leaves'].includes(cmd)) throw new Error(`unknown command: ${cmd}\n\n${HELP}`);
  const { provisionHub, hubStatus, formatHubStatus, generatePassword, retireLeaves, thanaDbName } = await loadProvisioning();
  const opts = { url: args.url.replace(/\/+$/, ''), admin: { username, password }, log: (l) => process.stdout.write(`  ${l}\n`) };

  if (cmd === 'status') {
    if (!args.district) throw new Error('--district is required');
    const rows = await hubStatus({ ...opts, log: undefined }, args.district);
    process.stdout.write(formatHubStatus(rows));
    return;
  }
  if (cmd === 'retire-leaves') {
    let dbs = args.thana.map((t) => thanaDbName(t.split(':')[0].toUpperCase()));
    if (!dbs.length) {
      if (!args.district) throw new Error('--district or --thana is required');
      const rows = await hubStatus({ ...opts, log: undefined }, args.district);
      dbs = rows.filter((r) => r.kind === 'thana' && r.exists).map((r) => r.db);
    }
    for (const db of dbs) {
      const r = await retireLeaves(opts, db);
      for (const x of r.refused) process.stdout.write(`  kept ${x.id} ${x.rev}: versions missing from the winner / विजेता में संस्करण नहीं\n`);
    }
    return;
  }
  const p = plan(args);
  for (const u of args['reset-password']) {
    for (const t of p.thanas) for (const pc of t.pcs) if (pc.username === u) pc.password = generatePassword();
    for (const d of p.districtUsers ?? []) if (d.username === u) d.password = generatePassword();
  }
  process.stdout.write(`Provisioning ${opts.url} (district ${p.district}, ${p.thanas.length} thanas)\n`);
  const report = await provisionHub(opts, p);
  process.stdout.write(`\n${report.flavor} ${report.version}: ${report.created.length} created, ${report.updated.length} updated, ${report.unchanged.length} unchanged\n`);
  for (const w of report.warnings) process.stdout.write(`WARNING: ${w}\n`);
  if (report.accounts.length) {
    process.stdout.write('\nNew or reset accounts — hand each password to its PC, then destroy this list / नए खाते:\n');
    for (const a of report.accounts) {
      const series = a.series === undefined ? '' : `, serial series ${a.series || 'plain'}`;
      process.stdout.write(`  ${a.username.padEnd(28)} ${a.password}   (${a.role}${series})\n`);
    }
    if (args.accounts) {
      const csv = ['username,password,role,series', ...report.accounts.map((a) => `${a.username},${a.password},${a.role},${a.series ?? ''}`)].join('\n') + '\n';
      writeFileSync(resolve(args.accounts), csv, { mode: 0o600 });
      process.stdout.write(`  written to ${resolve(args.accounts)}\n`);
    }
  }
}

main().catch((e) => {
  process.stderr.write(`hub: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
