// The inspector page's script, run in the browser. It keeps the newest messages from the event stream
// (/__nxwa/events: a `snapshot` on every connect, then `upsert` and `drop` per change) and draws them with DOM
// calls and textContent only: message bodies are user input and never become markup. A record's fields are shown
// as they come (the JSON view, the attempt tables' columns), so fields added to the records show up unchanged.
// Plain browser JavaScript, inlined into the page at build; the page's Content-Security-Policy admits it by its hash.
'use strict';
(() => {
  const KEEP = 200; // as many as the server's snapshot carries
  const records = new Map(); // id -> record
  const nodes = new Map(); // id -> <details>
  const list = document.getElementById('messages');
  const empty = document.getElementById('empty');
  const count = document.getElementById('count');
  const state = document.getElementById('state');
  const filterTo = document.getElementById('filter-to');
  const filterStatus = document.getElementById('filter-status');
  const seenStatuses = new Set();

  const el = (tag, className, text) => {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const str = (v) => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const firstAt = (m) => (Array.isArray(m.timeline) && m.timeline[0] && m.timeline[0].at) || m.at || m.receivedAt || '';
  const clock = (at) => (typeof at === 'string' && /^\d{4}-\d\d-\d\dT/.test(at) ? at.slice(11, 23) : str(at));
  const inbound = (m) => m.direction === 'inbound';
  const party = (m) => str(inbound(m) ? m.from : m.to);
  const preview = (m) => {
    const b = m.body;
    if (typeof b === 'string') return b;
    if (!b || typeof b !== 'object') return '';
    if (b.text && typeof b.text.body === 'string') return b.text.body;
    if (typeof b.type === 'string') return '[' + b.type + ']';
    return '';
  };
  const statusClass = (s) =>
    'status status-' +
    str(s)
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '');

  const matches = (m) => {
    const to = filterTo.value.trim();
    if (to && !party(m).includes(to)) return false;
    return !filterStatus.value || m.status === filterStatus.value;
  };

  const noteStatus = (s) => {
    if (typeof s !== 'string' || seenStatuses.has(s)) return;
    seenStatuses.add(s);
    const option = el('option', '', s);
    option.value = s;
    filterStatus.append(option);
  };
  // The statuses the page was served with (every status a message can have); others are added as they are seen.
  for (const option of filterStatus.options) if (option.value) seenStatuses.add(option.value);

  // A table of a list of objects: one column per key any of them has, in the order first seen.
  const table = (rows) => {
    if (!Array.isArray(rows) || rows.length === 0) return el('p', 'none', 'none yet');
    const keys = [];
    for (const row of rows)
      for (const k of Object.keys(row && typeof row === 'object' ? row : { value: row }))
        if (!keys.includes(k)) keys.push(k);
    const t = el('table');
    const head = t.createTHead().insertRow();
    for (const k of keys) head.append(el('th', '', k));
    const body = t.createTBody();
    for (const row of rows) {
      const r = body.insertRow();
      const o = row && typeof row === 'object' ? row : { value: row };
      for (const k of keys) r.append(el('td', '', str(o[k])));
    }
    return t;
  };

  const summaryOf = (m) => {
    const s = el('summary');
    const time = el('span', 'time', clock(firstAt(m)));
    time.title = str(firstAt(m));
    const direction = el('span', 'direction', inbound(m) ? '\u2190' : '\u2192');
    direction.title = inbound(m) ? 'inbound: a user wrote in' : 'outbound: a send';
    const host = el('span', 'host', str(m.host));
    host.title = host.textContent;
    const operation = el('span', 'operation', str(m.operation));
    operation.title = operation.textContent;
    const recipient = el('span', 'recipient', party(m));
    recipient.title = inbound(m) ? 'from' : 'to';
    s.append(
      time,
      direction,
      host,
      operation,
      recipient,
      el('span', statusClass(m.status), str(m.status)),
      el('span', 'preview', preview(m)),
    );
    return s;
  };

  const detailsOf = (m) => {
    const d = el('div', 'details');
    const ids = el('p');
    ids.append('message ID ', el('code', 'id', str(m.id)));
    if (m.accessKey !== undefined) ids.append(' \u00b7 accessKey ', el('code', '', str(m.accessKey)));
    d.append(
      ids,
      el('h2', '', 'Timeline'),
      table(m.timeline),
      el('h2', '', 'Callback attempts'),
      m.webhook === null && !m.callbacks?.length
        ? el(
            'p',
            'none',
            'no webhook was set (the send had no dr_webhook the mock accepts, and the mock has no --webhook-url): no callback is sent',
          )
        : table(m.callbacks),
      el('h2', '', 'Record'),
      el('pre', 'json', JSON.stringify(m, null, 2)),
    );
    return d;
  };

  // The details are drawn when opened (a body may be large), and again on each change while open.
  const draw = (node, m) => {
    node.replaceChildren(summaryOf(m));
    if (node.open) node.append(detailsOf(m));
    node.dataset.status = str(m.status);
    node.hidden = !matches(m);
  };

  const nodeFor = (id, m) => {
    const node = el('details', 'message');
    node.dataset.key = id;
    node.dataset.id = str(m.id);
    node.addEventListener('toggle', () => {
      const m = records.get(id);
      if (m) draw(node, m);
    });
    nodes.set(id, node);
    return node;
  };

  const refresh = () => {
    let shown = 0;
    for (const [id, node] of nodes) {
      node.hidden = !matches(records.get(id));
      if (!node.hidden) shown++;
    }
    empty.hidden = records.size > 0;
    count.textContent =
      (shown === records.size ? '' : shown + ' of ') +
      records.size +
      (records.size === 1 ? ' message' : ' messages') +
      (records.size >= KEEP ? ' (the newest ' + KEEP + ')' : '');
  };

  // Two accounts may use the same message ID: a message is its account and its ID.
  const keyOf = (m) => m.accessKey + ' ' + m.id + (m.duplicate ? ' ' + m.duplicate : '');

  const drop = (id) => {
    records.delete(id);
    const node = nodes.get(id);
    if (node) node.remove();
    nodes.delete(id);
  };

  const upsert = (m) => {
    if (!m || typeof m.id !== 'string') return;
    const key = keyOf(m);
    const old = records.get(key);
    records.set(key, m);
    noteStatus(m.status);
    let node = nodes.get(key);
    // A new message, or one recorded again under the same ID: it is the newest.
    if (!node || (old && firstAt(old) !== firstAt(m))) {
      node = node || nodeFor(key, m);
      list.prepend(node);
    }
    draw(node, m);
    while (records.size > KEEP) drop(list.lastElementChild.dataset.key);
  };

  const replaceAll = (messages) => {
    const open = new Set([...nodes].filter(([, n]) => n.open).map(([id]) => id));
    records.clear();
    nodes.clear();
    list.replaceChildren();
    for (const m of messages.slice(0, KEEP)) {
      if (!m || typeof m.id !== 'string') continue;
      const key = keyOf(m);
      records.set(key, m);
      noteStatus(m.status);
      const node = nodeFor(key, m);
      node.open = open.has(key);
      list.append(node);
      draw(node, m);
    }
  };

  const setState = (text) => {
    state.textContent = text;
    state.className = text === 'live' ? 'live' : '';
  };

  // The other panes (phone.js) draw from the same stream: each change is passed on as a document event.
  const tell = (kind, data) => document.dispatchEvent(new CustomEvent('nxwa-messages', { detail: { kind, data } }));

  const connect = () => {
    const source = new EventSource('/__nxwa/events');
    source.addEventListener('open', () => {
      setState('live');
      tell('open');
    });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        // Refused (too many open pages, or the mock went away): try again in a while.
        setState('disconnected');
        setTimeout(connect, 5000);
      } else setState('reconnecting\u2026');
    });
    source.addEventListener('snapshot', (e) => {
      const { messages } = JSON.parse(e.data);
      replaceAll(messages);
      refresh();
      tell('snapshot', messages);
    });
    source.addEventListener('upsert', (e) => {
      const m = JSON.parse(e.data);
      upsert(m);
      refresh();
      tell('upsert', m);
    });
    source.addEventListener('drop', (e) => {
      const m = JSON.parse(e.data);
      drop(keyOf(m));
      refresh();
      tell('drop', m);
    });
  };

  // Filters can be given in the page's address: /__nxwa/?to=8613600009759&status=read
  const params = new URLSearchParams(location.search);
  filterTo.value = params.get('to') || '';
  if (params.get('status')) {
    noteStatus(params.get('status'));
    filterStatus.value = params.get('status');
  }
  filterTo.addEventListener('input', refresh);
  filterStatus.addEventListener('change', refresh);
  refresh();
  connect();
})();

// The coverage pane: per host, what the requests so far covered (GET /__nxwa/coverage), redrawn every few seconds.
(() => {
  const rows = document.getElementById('coverage-rows');
  const cell = (text) => Object.assign(document.createElement('td'), { textContent: text });
  const draw = async () => {
    const res = await fetch('/__nxwa/coverage').catch(() => undefined);
    if (!res || !res.ok) return;
    const { hosts } = await res.json();
    rows.replaceChildren(
      ...hosts.map(({ host, summary: s }) => {
        const tr = document.createElement('tr');
        tr.append(
          cell(host),
          cell(`${s.called} / ${s.operations}`),
          cell(`${s.accepted} / ${s.operations}`),
          cell(`${s.seenCodes} / ${s.documentedCodes}`),
          cell(`${s.deliveredKinds} / ${s.callbackKinds}`),
        );
        return tr;
      }),
    );
  };
  void draw();
  setInterval(() => void draw(), 3000);
})();
