import type { RecordedMessage } from './recorded-message';

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export interface InboxPageInput {
  /** Newest first, already limited. */
  records: readonly RecordedMessage[];
  total: number;
  to: string;
  accountSid: string;
}

/**
 * The SMS inbox as a page for developers and the demo: every message the endpoint recorded,
 * newest first, with its status, error code and the status callbacks it sent. Refreshes itself.
 */
export function renderInboxPage(input: InboxPageInput): string {
  const rows = input.records
    .map((record) => {
      const m = record.message;
      const hooks = record.webhooks
        .map((w) => `${escape(w.status)} → ${w.httpStatus === null ? escape(w.error ?? 'no answer') : String(w.httpStatus)}`)
        .join('<br>');
      const flags = [record.answerLost ? 'answer lost' : '', record.deleted ? 'deleted' : '', record.plannedFailure ? `told to fail ${record.plannedFailure.code}` : '']
        .filter((flag) => flag !== '')
        .join(', ');
      return `<tr class="${escape(m.direction)}">
  <td>${escape(m.date_created ?? '')}</td>
  <td>${escape(m.direction)}</td>
  <td>${escape(m.from ?? m.messaging_service_sid ?? '')}</td>
  <td><a href="?to=${encodeURIComponent(m.to ?? '')}">${escape(m.to ?? '')}</a></td>
  <td class="body">${escape(m.body ?? '')}</td>
  <td>${escape(m.num_segments ?? '')}</td>
  <td>${escape(m.status)}${m.error_code === null ? '' : ` <b>${m.error_code}</b>`}</td>
  <td>${hooks}</td>
  <td>${escape(flags)}</td>
  <td><code>${escape(m.sid ?? '')}</code></td>
</tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="5">
<title>SMS inbox: local Twilio endpoint</title>
<style>
  body { font: 14px system-ui, sans-serif; margin: 1.5em; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border-bottom: 1px solid #ddd; padding: 4px 6px; text-align: left; vertical-align: top; }
  td.body { white-space: pre-wrap; max-width: 32em; }
  tr.inbound { background: #eef6ff; }
  form { margin-bottom: 1em; }
</style>
</head>
<body>
<h1>SMS inbox</h1>
<p>Messages recorded by the local Twilio-compatible endpoint (account <code>${escape(input.accountSid)}</code>):
${input.records.length} shown of ${input.total}. JSON: <a href="/_local/messages">/_local/messages</a>.</p>
<form method="get"><label>To <input name="to" value="${escape(input.to)}" placeholder="+85291234567"></label>
<button>Filter</button> <a href="?">all</a></form>
<table>
<thead><tr><th>created</th><th>direction</th><th>from</th><th>to</th><th>body</th><th>segments</th><th>status</th><th>callbacks</th><th></th><th>sid</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}
