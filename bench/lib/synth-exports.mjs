/**
 * Synthetic exports for `npm run bench:analyze`, generated from the documented element trees
 * (shared/reference/export-formats.md §1.3 and §3.2) at bench time and never committed: a run
 * history (runs, each an export step with 400 errors) and a csexport file (pending exports, one
 * object in 20 with an export error), written in 1 MB pieces up to the size asked for.
 */
import { createWriteStream, statSync } from 'node:fs';

async function writeSynthetic(file, targetBytes, head, unit, tail) {
  const out = createWriteStream(file);
  let bytes = 0;
  const write = (s) =>
    new Promise((resolve) => {
      bytes += Buffer.byteLength(s);
      if (out.write(s)) resolve();
      else out.once('drain', resolve);
    });
  await write(head);
  let buf = '';
  for (let i = 0; bytes + buf.length < targetBytes; i++) {
    buf += unit(i);
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf + tail);
  await new Promise((r) => out.end(r));
  return statSync(file).size;
}

const ERR = [
  'permission-issue',
  'cd-existing-object',
  'cd-error',
  'ma-extension-error',
  'extension-dll-exception',
];
const STACK =
  'System.InvalidOperationException: The connected system refused the change. ---&gt; System.ServiceModel.FaultException: Access denied\n   at Contoso.Connector.Export.PutExportEntries(IList`1 csentries) in C:\\src\\Export.cs:line 120\n   at Microsoft.MetadirectoryServices.Impl.Ecma2ConnectorHost.Export()';

function runUnit(i) {
  const errors = [];
  for (let e = 0; e < 400; e++) {
    const t = ERR[(i + e) % ERR.length];
    errors.push(
      `<export-error cs-guid="{${String(i).padStart(8, '0')}-0000-0000-0000-${String(e).padStart(12, '0')}}" dn="CN=User ${i}-${e},OU=Users,DC=contoso,DC=com"><date-occurred>2026-11-30 08:${String(e % 60).padStart(2, '0')}:00.000</date-occurred><first-occurred>2026-11-${String(1 + (e % 28)).padStart(2, '0')} 08:00:00.000</first-occurred><retry-count>${e % 50}</retry-count><error-type>${t}</error-type><cd-error><error-code>0x80230703</error-code><error-literal>${t === 'ma-extension-error' ? STACK : 'The operation failed.'}</error-literal></cd-error></export-error>\n`,
    );
  }
  const counters = [
    'export-add',
    'export-update',
    'export-rename',
    'export-delete',
    'export-delete-add',
    'export-failure',
  ]
    .map((c, k) => `<${c} detail="true">${k === 5 ? 400 : 100 + k}</${c}>`)
    .join('');
  return `<run-details><ma-id>{FB0D00E1-4E0B-44DA-AF5F-62D4D99B2FBC}</ma-id><ma-name>SYNTH-AD</ma-name><run-number>${i + 1}</run-number><run-profile-name>Export</run-profile-name><security-id>CONTOSO\\svc-mim</security-id><step-details step-number="1" step-id="{E0446E50-FF59-4691-9EC0-F9BD3D564F4A}"><start-date>2026-11-30 08:00:00.000</start-date><end-date>2026-11-30 08:10:00.000</end-date><step-result>completed-export-errors</step-result><step-description><step-type type="export"></step-type><partition>DC=contoso,DC=com</partition></step-description><ma-connection><connection-result>success</connection-result><server>dc01.contoso.com:389</server></ma-connection><synchronization-errors>\n${errors.join('')}</synchronization-errors><mv-retry-errors/><export-counters>${counters}</export-counters></step-details></run-details>\n`;
}

const OPS = ['add', 'update', 'update', 'update', 'delete'];
function csUnit(i) {
  const dn = `CN=User ${i},OU=Users,DC=contoso,DC=com`;
  const op = OPS[i % OPS.length];
  const attrs = [
    'displayName',
    'givenName',
    'sn',
    'mail',
    'department',
    'title',
    'telephoneNumber',
    'company',
  ]
    .map((a) => `<attr name="${a}" type="string" multivalued="false"><value>${a} of user ${i}</value></attr>`)
    .join('');
  const err =
    i % 20 === 0
      ? `<export-errordetail first-occurred="2026-11-20 08:00:00.000" date-occurred="2026-11-30 08:00:00.000" retry-count="${i % 30}" error-type="${ERR[i % 3]}"><export-status><cd-error><error-code>0x80070005</error-code><error-literal>Access is denied.</error-literal></cd-error></export-status></export-errordetail>`
      : '';
  return `<cs-object cs-dn="${dn}" id="{${String(i).padStart(8, '0')}-1111-2222-3333-444444444444}" object-type="${i % 7 ? 'user' : 'group'}"><unapplied-export><delta operation="${op}" dn="${dn}">${op === 'delete' ? '' : attrs}</delta></unapplied-export><synchronized-hologram><entry dn="${dn}"><primary-objectclass>user</primary-objectclass>${attrs}</entry></synchronized-hologram>${err}<connector>1</connector><connector-state>normal</connector-state></cs-object>\n`;
}

/** Writes a run history of about `bytes` bytes to `file`; returns its size. */
export const writeRunHistory = (file, bytes) =>
  writeSynthetic(
    file,
    bytes,
    '<?xml version="1.0" encoding="utf-16"?>\n<run-history>\n',
    runUnit,
    '</run-history>\n',
  );

/** Writes a csexport file of about `bytes` bytes to `file`; returns its size. */
export const writeCsExport = (file, bytes) =>
  writeSynthetic(
    file,
    bytes,
    '<?xml version="1.0" encoding="UTF-8"?>\n<cs-objects>\n',
    csUnit,
    '</cs-objects>\n',
  );
