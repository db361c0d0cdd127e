// The inspector's phone view, run in the browser: the tabs over the page's panes, the conversations (a list and a
// phone-like thread, each message drawn as WhatsApp draws it), the composer that answers as the customer, and the
// templates and media panes. Messages come from script.js's event stream (document events `nxwa-messages`);
// templates and media from GET /__nxwa/templates and /__nxwa/media. Every value is drawn with textContent or as an
// attribute of an element made here: bodies are user input and never become markup. Media previews come from the
// mock's own origin only; a link to anywhere else is an anchor, followed only when clicked.
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const el = (tag, className, text) => {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const str = (v) => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const obj = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : {});
  const arr = (v) => (Array.isArray(v) ? v : []);

  // ---- Panes and tabs: one tab per section.pane, so that a pane added to page.html gets its tab. ----
  const panes = [...document.querySelectorAll('section.pane')];
  const tabs = $('tabs');
  const tabOf = new Map();
  const showPane = (name, focus) => {
    for (const pane of panes) {
      const on = pane.dataset.pane === name;
      pane.hidden = !on;
      const tab = tabOf.get(pane);
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      if (on && focus) tab.focus();
    }
    document.dispatchEvent(new CustomEvent('nxwa-pane', { detail: name }));
  };
  for (const pane of panes) {
    const tab = el('button', 'tab', pane.dataset.title || pane.dataset.pane);
    tab.type = 'button';
    tab.id = 'tab-' + pane.dataset.pane;
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-controls', pane.id);
    pane.setAttribute('role', 'tabpanel');
    pane.setAttribute('aria-labelledby', tab.id);
    tab.addEventListener('click', () => {
      history.replaceState(null, '', '#' + pane.dataset.pane);
      showPane(pane.dataset.pane);
    });
    tabs.append(tab);
    tabOf.set(pane, tab);
  }
  // Arrow keys move between tabs, as in any tab list.
  tabs.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = panes.findIndex((p) => !p.hidden);
    const next = panes[(i + (e.key === 'ArrowRight' ? 1 : panes.length - 1)) % panes.length];
    history.replaceState(null, '', '#' + next.dataset.pane);
    showPane(next.dataset.pane, true);
  });
  // The log's filters in the address (?to=…, ?status=…) open the log.
  const query = new URLSearchParams(location.search);
  const wanted = location.hash.slice(1) || (query.get('to') || query.get('status') ? 'log' : 'conversations');
  showPane(panes.some((p) => p.dataset.pane === wanted) ? wanted : 'conversations');

  // ---- What the page knows: messages (from the stream), templates and media (asked for when messages change). ----
  const records = new Map(); // accessKey + id -> message
  let templates = [];
  let media = new Map(); // id -> medium
  const keyOf = (m) => m.accessKey + ' ' + m.id;

  // Read when messages change (a quarter second after the first change, however many follow), when their pane is
  // shown, and every 3 s besides, answered or not: a review's end or an upload changes no message, and a read may
  // never answer. A read that failed is tried again sooner. Answers are applied in the order their reads began: one
  // that answers late never puts back what a newer one replaced.
  let storesTimer;
  let storesAt = Infinity; // when the next read is due
  let storesBegun = 0;
  let storesShown = 0;
  let storesFailed = 0;
  // Told apart by their JSON: a read that finds what the last one found draws nothing again.
  let storesText = '';
  let storesVersion = 0;
  const readStores = (delay) => {
    if (Date.now() + delay >= storesAt) return;
    clearTimeout(storesTimer);
    storesAt = Date.now() + delay;
    storesTimer = setTimeout(loadStores, delay);
  };
  const readJson = (url) =>
    fetch(url).then((r) => (r.ok ? r.json() : Promise.reject(new Error(url + ': HTTP ' + r.status))));
  function loadStores() {
    clearTimeout(storesTimer);
    storesAt = Infinity;
    const n = ++storesBegun;
    readStores(3000);
    Promise.all([readJson('/__nxwa/templates'), readJson('/__nxwa/media')]).then(
      ([t, m]) => {
        storesFailed = 0;
        if (n < storesShown) return;
        storesShown = n;
        const text = JSON.stringify([t, m]);
        if (text === storesText) return;
        storesText = text;
        storesVersion++;
        templates = arr(t.templates);
        media = new Map(arr(m.media).map((x) => [x.id, x]));
        drawTemplates();
        drawMedia();
        drawThread();
      },
      () => readStores(500 * 2 ** Math.min(storesFailed++, 2)),
    );
  }
  const storesChanged = () => readStores(250);

  // ---- Conversations: the business number and the customer, per account and host. ----
  const inbound = (m) => m.direction === 'inbound';
  const businessOf = (m) => str(inbound(m) ? m.to : obj(m.body).business_phone);
  const customerOf = (m) => str(inbound(m) ? m.from : m.to);
  const chatKey = (m) => [m.accessKey, m.host, businessOf(m), customerOf(m)].join(' ');
  const atOf = (m) => (arr(m.timeline)[0] && m.timeline[0].at) || '';
  const seen = new Map(); // chat key -> time of the newest message when it was last open
  let openChat = null;

  const chats = () => {
    const out = new Map();
    for (const m of records.values()) {
      const k = chatKey(m);
      let c = out.get(k);
      if (!c) out.set(k, (c = { key: k, messages: [], last: m }));
      c.messages.push(m);
      if (atOf(m) >= atOf(c.last)) c.last = m;
    }
    for (const c of out.values()) c.messages.sort((a, b) => (atOf(a) < atOf(b) ? -1 : atOf(a) > atOf(b) ? 1 : 0));
    return [...out.values()].sort((a, b) => (atOf(a.last) < atOf(b.last) ? 1 : -1));
  };
  const unread = (c) =>
    c.key === openChat ? 0 : c.messages.filter((m) => inbound(m) && atOf(m) > (seen.get(c.key) || '')).length;

  const clock = (at) => {
    const d = new Date(at);
    return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  };
  const day = (at) => {
    const d = new Date(at);
    return Number.isNaN(d.getTime())
      ? ''
      : d.toLocaleDateString([], { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' });
  };

  // ---- WhatsApp's formatting: ```mono```, *bold*, _italic_, ~strike~, and links drawn as anchors. ----
  const INLINE = /([*_~])(?=\S)([^\n]*?\S)\1/;
  const TAGS = { '*': 'strong', _: 'em', '~': 's' };
  const LINK = /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'}]/i;
  const links = (text, into) => {
    let rest = text;
    for (let m = LINK.exec(rest); m; m = LINK.exec(rest)) {
      into.append(rest.slice(0, m.index));
      let url;
      try {
        url = new URL(m[0]);
      } catch {}
      if (url && (url.protocol === 'http:' || url.protocol === 'https:')) {
        const a = el('a', 'link', m[0]);
        a.href = url.href;
        a.target = '_blank';
        a.rel = 'noopener noreferrer nofollow';
        into.append(a);
      } else into.append(m[0]);
      rest = rest.slice(m.index + m[0].length);
    }
    into.append(rest);
  };
  const inline = (text, into) => {
    const m = INLINE.exec(text);
    if (!m) return links(text, into);
    links(text.slice(0, m.index), into);
    const tag = el(TAGS[m[1]]);
    inline(m[2], tag);
    into.append(tag);
    inline(text.slice(m.index + m[0].length), into);
  };
  const formatted = (text, className) => {
    const p = el('div', className || 'text');
    const parts = str(text).split('```');
    parts.forEach((part, i) => {
      // An odd part was between two fences (an unclosed fence is text).
      if (i % 2 === 1 && i < parts.length - 1) p.append(el('code', 'mono', part));
      else inline(i % 2 === 1 ? '```' + part : part, p);
    });
    return p;
  };

  // ---- Media: a preview from the mock's own store, or the link, opened only on a click. ----
  const size = (n) =>
    typeof n !== 'number'
      ? ''
      : n < 1024
        ? n + ' B'
        : n < 1048576
          ? (n / 1024).toFixed(1) + ' KB'
          : (n / 1048576).toFixed(1) + ' MB';
  const ext = (name) => (/\.([a-z0-9]{1,4})$/i.exec(str(name)) || [, 'file'])[1].toUpperCase();
  const outLink = (href, text) => {
    const a = el('a', 'link', text || href);
    try {
      const u = new URL(href);
      if (u.protocol === 'http:' || u.protocol === 'https:') {
        a.href = u.href;
        a.target = '_blank';
        a.rel = 'noopener noreferrer nofollow';
        return a;
      }
    } catch {}
    return el('span', 'link unusable', str(href));
  };
  const mediaView = (type, o) => {
    const box = el('div', 'media media-' + type);
    const medium = o.id !== undefined ? media.get(str(o.id)) : undefined;
    if (medium && medium.url) {
      const src = medium.url;
      if (type === 'image' || type === 'sticker') {
        const img = el('img', 'thumb');
        img.src = src;
        img.alt = str(o.caption || medium.fileName || type);
        img.loading = 'lazy';
        box.append(img);
      } else if (type === 'video' || type === 'audio') {
        const player = el(type, 'player');
        player.controls = true;
        player.preload = 'none';
        player.src = src;
        box.append(player);
      } else {
        const doc = el('a', 'document');
        doc.href = src;
        doc.download = str(o.filename || medium.fileName);
        doc.append(
          el('span', 'doc-icon', ext(o.filename || medium.fileName)),
          el('span', 'doc-name', str(o.filename || medium.fileName)),
        );
        doc.append(el('span', 'doc-size', size(medium.size) + ' \u00b7 ' + str(medium.mimeType)));
        box.append(doc);
      }
    } else if (o.link !== undefined) {
      box.append(el('span', 'media-kind', type + ' '), outLink(str(o.link)));
      if (type === 'document' && o.filename) box.append(el('div', 'doc-name', str(o.filename)));
    } else if (o.id !== undefined) {
      box.append(el('span', 'media-kind missing', type + ' ' + str(o.id) + ' \u2014 not in the sandbox\u2019s media'));
    } else box.append(el('span', 'media-kind', '[' + type + ']'));
    if (o.caption) box.append(formatted(o.caption, 'caption'));
    return box;
  };

  // ---- Templates: the store's template with the send's parameters, or what the send says of it. ----
  const paramText = (p) => {
    p = obj(p);
    if (p.type === 'text' || p.text !== undefined) return str(p.text);
    if (p.currency) return str(p.currency.fallback_value ?? p.currency.amount_1000 / 1000);
    if (p.date_time) return str(p.date_time.fallback_value);
    if (p.payload !== undefined) return str(p.payload);
    if (p.coupon_code !== undefined) return str(p.coupon_code);
    const media = ['image', 'video', 'document'].find((k) => p[k]);
    return media ? '[' + media + ']' : str(p);
  };
  const fill = (text, params) =>
    str(text).replace(/\{\{\s*(\d+)\s*\}\}/g, (all, n) =>
      params[n - 1] !== undefined ? paramText(params[n - 1]) : all,
    );
  const lower = (v) => str(v).toLowerCase();
  const findTemplate = (m, name, language) => {
    const candidates = templates.filter(
      (t) => t.accessKey === m.accessKey && t.name === name && (!language || t.language === language),
    );
    return candidates.find((t) => t.host === m.host) || candidates[0];
  };

  const templateView = (m, t) => {
    t = obj(t);
    const language = str(obj(t.language).code || t.language);
    const sent = arr(t.components).map(obj);
    const sentOf = (type) => sent.find((c) => lower(c.type) === type);
    const bodyParams = arr(obj(sentOf('body')).parameters);
    const headerParams = arr(obj(sentOf('header')).parameters);
    const stored = findTemplate(m, str(t.name), language);
    const box = el('div', 'template');
    if (!stored) {
      box.classList.add('unknown');
      box.append(el('div', 'template-name', str(t.name) + (language ? ' \u00b7 ' + language : '')));
      box.append(el('div', 'badge missing', 'not in the sandbox'));
      const list = el('ul', 'params');
      for (const c of sent)
        for (const [i, p] of arr(c.parameters).entries())
          list.append(
            el(
              'li',
              '',
              lower(c.type) + (c.sub_type ? ' ' + c.sub_type : '') + ' {{' + (i + 1) + '}} = ' + paramText(p),
            ),
          );
      if (list.childElementCount) box.append(list);
      return box;
    }
    box.dataset.template = stored.name;
    for (const c of arr(obj(stored.definition).components).map(obj)) {
      const type = lower(c.type);
      if (type === 'header') {
        const format = lower(c.format || 'text');
        if (format === 'text') box.append(formatted(fill(c.text, headerParams), 'template-header'));
        else {
          const p = obj(headerParams[0]);
          box.append(mediaView(format, obj(p[format])));
        }
      } else if (type === 'body') box.append(formatted(fill(c.text, bodyParams), 'template-body'));
      else if (type === 'footer') box.append(el('div', 'template-footer', str(c.text)));
      else if (type === 'buttons') {
        const row = el('div', 'buttons');
        for (const [i, b] of arr(c.buttons).map(obj).entries()) {
          const kind = lower(b.type);
          const sentButton = obj(sent.find((s) => lower(s.type) === 'button' && Number(s.index) === i));
          if (kind === 'url') {
            row.append(outLink(fill(b.url, arr(sentButton.parameters)), '\u2197 ' + str(b.text)));
          } else if (kind === 'quick_reply') {
            const button = el('button', 'quick-reply', str(b.text));
            button.type = 'button';
            const payload = paramText(arr(sentButton.parameters)[0]) || str(b.text);
            button.addEventListener('click', () => tapQuickReply(m, str(b.text), payload, button));
            row.append(button);
          } else row.append(el('span', 'button-other', str(b.text || b.type)));
        }
        box.append(row);
      }
    }
    return box;
  };

  // An OTP send is the authentication template it is, as WhatsApp shows one.
  const otpView = (b) => {
    const box = el('div', 'template otp');
    const code = str(b.content);
    box.append(
      el('div', 'template-body', code + ' is your verification code. For your security, do not share this code.'),
    );
    const copy = el('button', 'quick-reply', 'Copy code');
    copy.type = 'button';
    copy.addEventListener('click', () => navigator.clipboard && navigator.clipboard.writeText(code).catch(() => {}));
    const row = el('div', 'buttons');
    row.append(copy);
    box.append(row);
    return box;
  };

  const interactiveView = (i) => {
    i = obj(i);
    const box = el('div', 'interactive');
    const header = obj(i.header);
    if (header.text) box.append(el('div', 'template-header', str(header.text)));
    else if (header.type && header[header.type]) box.append(mediaView(header.type, obj(header[header.type])));
    if (obj(i.body).text) box.append(formatted(i.body.text, 'template-body'));
    if (obj(i.footer).text) box.append(el('div', 'template-footer', str(i.footer.text)));
    const action = obj(i.action);
    const row = el('div', 'buttons');
    for (const b of arr(action.buttons).map(obj))
      row.append(el('span', 'quick-reply static', str(obj(b.reply).title || b.title || b.text)));
    if (action.button) row.append(el('span', 'quick-reply static', '\u2630 ' + str(action.button)));
    if (action.name === 'cta_url' || obj(action.parameters).url)
      row.append(
        outLink(str(obj(action.parameters).url), '\u2197 ' + str(obj(action.parameters).display_text || 'open')),
      );
    if (row.childElementCount) box.append(row);
    const sections = arr(action.sections);
    if (sections.length) {
      const list = el('ul', 'params');
      for (const s of sections.map(obj))
        for (const r of arr(s.rows).map(obj))
          list.append(el('li', '', (s.title ? s.title + ' \u203a ' : '') + str(r.title)));
      box.append(list);
    }
    return box;
  };

  /** The message as WhatsApp shows it. */
  const contentOf = (m) => {
    const b = obj(m.body);
    if (/\/otp$/.test(str(m.operation))) return otpView(b);
    const type = str(b.type);
    switch (type) {
      case 'text':
        return formatted(obj(b.text).body);
      case 'image':
      case 'video':
      case 'audio':
      case 'voice':
      case 'document':
      case 'sticker':
        return mediaView(type === 'voice' ? 'audio' : type, obj(b[type]));
      case 'location': {
        const l = obj(b.location);
        const box = el('div', 'location');
        box.append(el('div', 'loc-pin', str(l.name || 'Location')));
        if (l.address) box.append(el('div', 'loc-address', str(l.address)));
        box.append(el('div', 'loc-coords', str(l.latitude) + ', ' + str(l.longitude)));
        if (l.url) box.append(outLink(str(l.url)));
        return box;
      }
      case 'contacts': {
        const box = el('div', 'contacts');
        for (const c of arr(b.contacts).map(obj)) {
          box.append(el('div', 'contact-name', str(obj(c.name).formatted_name || obj(c.name).first_name)));
          for (const p of arr(c.phones).map(obj)) box.append(el('div', 'contact-phone', str(p.phone || p.wa_id)));
        }
        return box;
      }
      case 'interactive':
        return interactiveView(b.interactive);
      case 'reaction': {
        const r = obj(b.reaction);
        return el('div', 'reaction', (r.emoji ? str(r.emoji) : '(reaction removed)') + ' to ' + str(r.message_id));
      }
      case 'template':
        return templateView(m, b.template);
      case 'button':
        return el('div', 'text', '\u21a9 ' + str(obj(b.button).text));
      default:
        return el('div', 'text unknown', b.omitted ? str(b.omitted) : '[' + (type || 'message') + ']');
    }
  };

  // ---- Status ticks, and the record one click away. ----
  const TICKS = {
    accepted: ['\u25F7', 'accepted by the mock, not sent yet'],
    sent: ['\u2713', 'sent'],
    delivered: ['\u2713\u2713', 'delivered'],
    read: ['\u2713\u2713', 'read'],
    failed: ['!', 'failed'],
  };
  const failure = (m) => {
    const f = arr(m.timeline).find((e) => e && e.status === 'failed');
    return f && f.error ? str(f.error.code) + ' ' + str(f.error.title) : 'failed';
  };
  const ticks = (m) => {
    const [mark, label] = TICKS[m.status] || ['', str(m.status)];
    const t = el('span', 'ticks ticks-' + str(m.status), mark);
    t.dataset.status = str(m.status);
    t.title = m.status === 'failed' ? failure(m) : label;
    t.setAttribute('role', 'img');
    t.setAttribute('aria-label', t.title);
    if (m.status === 'failed') t.tabIndex = 0; // the error's title on focus, for a keyboard or a tap
    return t;
  };
  // An inbound message's callback: delivered to the webhook, failed, or not sent.
  const inboundMark = (m) => {
    const attempts = arr(m.callbacks);
    const ok = attempts.some((a) => a && a.httpStatus >= 200 && a.httpStatus < 300);
    const last = attempts[attempts.length - 1];
    const t = el('span', 'ticks');
    if (ok)
      (t.className = 'ticks ticks-delivered'), (t.textContent = '\u2713\u2713'), (t.title = 'delivered to the webhook');
    else if (last)
      (t.className = 'ticks ticks-failed'),
        (t.textContent = '!'),
        (t.title = 'webhook: ' + str(last.error || last.httpStatus));
    else (t.textContent = ''), (t.title = 'no webhook');
    t.dataset.status = ok ? 'delivered' : last ? 'failed' : 'none';
    t.setAttribute('aria-label', t.title);
    return t;
  };
  const table = (rows) => {
    if (!Array.isArray(rows) || rows.length === 0) return el('p', 'none', 'none yet');
    const keys = [];
    for (const row of rows) for (const k of Object.keys(obj(row))) if (!keys.includes(k)) keys.push(k);
    const t = el('table');
    const head = t.createTHead().insertRow();
    for (const k of keys) head.append(el('th', '', k));
    const body = t.createTBody();
    for (const row of rows) {
      const r = body.insertRow();
      for (const k of keys) r.append(el('td', '', str(obj(row)[k])));
    }
    return t;
  };
  // A sent message's life by hand: the next statuses and their callbacks go out at once.
  const NEXT = {
    accepted: ['delivered', 'read', 'failed'],
    sent: ['delivered', 'read', 'failed'],
    delivered: ['read', 'failed'],
    read: ['failed'],
  };
  const VERB = { delivered: 'Deliver now', read: 'Read now', failed: 'Fail now' };
  const driveOf = (m) => {
    const row = el('div', 'drive');
    for (const status of NEXT[m.status] || []) {
      const button = el('button', 'drive-' + status, VERB[status]);
      button.type = 'button';
      button.addEventListener('click', () => {
        button.disabled = true;
        fetch('/__nxwa/messages/' + encodeURIComponent(m.id) + '/status', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ status, accessKey: m.accessKey }),
        })
          .then((r) => r.ok || r.json().then((j) => say(j.error || 'HTTP ' + r.status, true)))
          .catch((e) => say(e.message, true))
          .finally(() => (button.disabled = false));
      });
      row.append(button);
    }
    return row;
  };
  // The record one click away, filled when opened and again when the message changes while it is open; its buttons
  // are made again only when the status changes, so that a click on one is not lost to a callback's redraw.
  const recordOf = (m) => {
    const d = el('details', 'record');
    d.append(el('summary', '', 'details'));
    let drive;
    let driveFor;
    const fill = () => {
      d.replaceChildren(d.firstChild);
      if (!d.open) return;
      const m2 = records.get(keyOf(m)) || m;
      if (!inbound(m2)) {
        if (driveFor !== m2.status) (drive = driveOf(m2)), (driveFor = m2.status);
        d.append(drive);
      }
      d.append(
        el('p', 'ids', m2.id + ' \u00b7 ' + str(m2.host) + ' \u00b7 ' + str(m2.operation)),
        el('h3', '', 'Timeline'),
        table(m2.timeline),
        el('h3', '', 'Callback attempts'),
        table(m2.callbacks),
        el('h3', '', 'Record'),
        el('pre', 'json', JSON.stringify(m2, null, 2)),
      );
    };
    d.addEventListener('toggle', fill);
    return { node: d, refresh: () => d.open && fill() };
  };

  const metaOf = (m) => {
    const meta = el('div', 'meta');
    const time = el('time', 'time', clock(atOf(m)));
    time.dateTime = atOf(m);
    time.title = atOf(m);
    meta.append(time, inbound(m) ? inboundMark(m) : ticks(m));
    // A customer's message the business marked read (markMessageAsRead, typingIndicator).
    if (inbound(m) && m.status === 'read') {
      const r = el('span', 'read-mark', 'read');
      r.title = 'marked read by the business';
      meta.append(r);
    }
    return meta;
  };
  // The open chat's bubbles by message ID. A bubble's content (with its buttons) is made again only when the body, or
  // the templates and media it is drawn from, change; its ticks and record when anything else of it does.
  const bubbles = new Map();
  const STORE_FREE = new Set(['text', 'button', 'location', 'contacts', 'reaction']);
  const bubbleOf = (m) => {
    let b = bubbles.get(m.id);
    if (!b) {
      const node = el('div', 'bubble ' + (inbound(m) ? 'in' : 'out'));
      node.dataset.id = m.id;
      b = { node, record: recordOf(m) };
      bubbles.set(m.id, b);
    }
    const body = obj(m.body);
    const contentSig =
      str(m.operation) + ' ' + JSON.stringify(body) + (STORE_FREE.has(body.type) ? '' : ' ' + storesVersion);
    if (b.contentSig !== contentSig) {
      const content = contentOf(m);
      if (b.content) b.content.replaceWith(content);
      else b.node.append(content);
      b.content = content;
      b.contentSig = contentSig;
    }
    // The typing indicator is in the record's JSON too.
    const metaSig = JSON.stringify([m.status, m.timeline, m.callbacks, m.typing]);
    if (b.metaSig !== metaSig) {
      const meta = metaOf(m);
      if (b.meta) b.meta.replaceWith(meta);
      else b.node.append(meta, b.record.node);
      b.meta = meta;
      b.metaSig = metaSig;
      b.node.dataset.status = str(m.status);
      b.record.refresh();
    }
    return b.node;
  };
  // The business's typing indicator, as the customer sees it: until a reply ends it or its time is up.
  let typingTimer;
  const typingOf = (c) => {
    clearTimeout(typingTimer);
    const now = Date.now();
    const shown = c.messages.find(
      (m) => inbound(m) && m.typing && !m.typing.endedAt && now < Date.parse(m.typing.until),
    );
    if (!shown) return null;
    typingTimer = setTimeout(() => drawThread(), Date.parse(shown.typing.until) - now + 50);
    const t = el('div', 'bubble out typing', 'typing\u2026');
    t.setAttribute('role', 'status');
    t.title = 'typing indicator, until the business replies or ' + clock(shown.typing.until);
    return t;
  };

  // ---- Answering as the customer: what /__nxwa/inbound takes, with the conversation's webhook. ----
  const webhookOf = (messages) => {
    for (let i = messages.length - 1; i >= 0; i--) {
      const hook = obj(messages[i].body).dr_webhook;
      if (typeof hook === 'string' && hook) return hook;
    }
    return undefined;
  };
  const say = (text, bad) => {
    const note = $('composer-note');
    if (!note) return;
    note.textContent = text;
    note.classList.toggle('bad', !!bad);
  };
  const postInbound = (c, body) => {
    const hook = webhookOf(c.messages);
    return fetch('/__nxwa/inbound', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        host: c.last.host,
        accessKey: c.last.accessKey,
        business_phone: businessOf(c.last),
        from: customerOf(c.last),
        ...(hook ? { webhookUrl: hook } : {}),
        ...body,
      }),
    }).then((r) => r.json().then((j) => (r.ok ? j : Promise.reject(new Error(j.error || 'HTTP ' + r.status)))));
  };
  const saas = (host) => host === 'api.nxcloud.com' || host === 'api-idn.nxlink.ai';
  function tapQuickReply(m, text, payload, button) {
    const c = chats().find((x) => x.key === chatKey(m));
    if (!c) return;
    if (!saas(m.host)) {
      button.title = 'api2.nxcloud.com documents no button callback: nothing is sent';
      say(button.title);
      return;
    }
    postInbound(c, {
      type: 'button',
      button: { text, payload },
      context: { from: businessOf(m), id: m.id },
      wa_ext: obj(m.body).template,
    }).then(
      () => say('Tapped \u201c' + text + '\u201d: onTemplateButtonClick sent'),
      (e) => say(e.message, true),
    );
  }

  // Made once per open chat (it stays while the thread changes, with what is typed in it and its focus); a reply goes
  // to the chat as it is when sent.
  const composerOf = (c) => {
    const current = () => chats().find((x) => x.key === c.key) || c;
    const form = el('form', 'composer');
    form.noValidate = true;
    const note = el('p', 'composer-note');
    note.id = 'composer-note';
    note.setAttribute('role', 'status');
    if (saas(c.last.host)) {
      note.textContent =
        c.last.host + ' documents no inbound-message callback: answer by tapping a quick-reply button of a template.';
      form.append(note);
      return form;
    }
    const input = el('input', 'compose-text');
    input.type = 'text';
    input.id = 'compose-text';
    input.placeholder = 'Reply as ' + customerOf(c.last);
    input.autocomplete = 'off';
    input.setAttribute('aria-label', 'Reply as the customer');
    const send = el('button', 'send', 'Send');
    send.type = 'submit';
    // An image or a document from the disk: into the media store first, then sent by its ID.
    const file = el('input', 'attach-file');
    file.type = 'file';
    file.id = 'compose-file';
    file.accept = 'image/*,application/pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.txt';
    const attach = el('label', 'attach', '+');
    attach.htmlFor = file.id;
    attach.title = 'Send an image or a document as the customer';
    file.setAttribute('aria-label', attach.title);
    file.addEventListener('change', () => {
      const f = file.files && file.files[0];
      if (!f) return;
      const type = /^image\//.test(f.type) ? 'image' : 'document';
      const q = new URLSearchParams({ accessKey: c.last.accessKey, phone: businessOf(c.last), fileName: f.name });
      fetch('/__nxwa/media?' + q, {
        method: 'POST',
        headers: { 'content-type': f.type || 'application/octet-stream', 'x-nxwa-admin': '1' },
        body: f,
      })
        .then((r) => r.json().then((j) => (r.ok ? j : Promise.reject(new Error(j.error || 'HTTP ' + r.status)))))
        .then((m) =>
          postInbound(current(), {
            type,
            [type]: { id: m.id, mime_type: m.mimeType, ...(type === 'document' ? { filename: m.fileName } : {}) },
          }),
        )
        .then(
          () => say(''),
          (e) => say(e.message, true),
        )
        .finally(() => (file.value = ''));
    });
    form.append(attach, file, input, send, note);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const text = input.value;
      if (!text.trim()) return say('Type a message first.', true);
      send.disabled = true;
      postInbound(current(), { type: 'text', text: { body: text } }).then(
        () => {
          // Cleared unless something else was typed meanwhile.
          if (input.value === text) input.value = '';
          say('');
          send.disabled = false;
        },
        (err) => {
          say(err.message, true);
          send.disabled = false;
        },
      );
    });
    return form;
  };

  // ---- Drawing the list and the open thread. ----
  const list = $('chat-list');
  const thread = $('thread');
  const phone = document.querySelector('.phone');
  const previewOf = (m) => {
    const b = obj(m.body);
    if (/\/otp$/.test(str(m.operation))) return 'verification code';
    if (b.type === 'text') return str(obj(b.text).body);
    if (b.type === 'template') return 'template ' + str(obj(b.template).name);
    if (b.type === 'button') return '\u21a9 ' + str(obj(b.button).text);
    return b.type ? '[' + str(b.type) + ']' : '';
  };

  // Nodes are kept while what they show is unchanged, and moved only when out of place: a click, the focus or an open
  // record is not lost because another message changed meanwhile.
  const place = (parent, nodes) => {
    nodes.forEach((node, i) => {
      if (parent.children[i] !== node) parent.insertBefore(node, parent.children[i] || null);
    });
    while (parent.children.length > nodes.length) parent.lastElementChild.remove();
  };

  const chatItems = new Map(); // chat key -> { sig, li }
  const chatItem = (c) => {
    const n = unread(c);
    const preview = (inbound(c.last) ? '' : '\u2192 ') + previewOf(c.last);
    const via =
      (businessOf(c.last) || 'no business number') + ' \u00b7 ' + str(c.last.host) + ' \u00b7 ' + str(c.last.accessKey);
    const sig = JSON.stringify([c.key === openChat, atOf(c.last), preview, n, via]);
    const had = chatItems.get(c.key);
    if (had && had.sig === sig) return had.li;
    const li = el('li');
    const b = el('button', 'chat');
    b.type = 'button';
    b.dataset.key = c.key;
    if (c.key === openChat) b.setAttribute('aria-current', 'true');
    const top = el('span', 'chat-top');
    top.append(el('span', 'chat-customer', customerOf(c.last)), el('span', 'chat-time', clock(atOf(c.last))));
    const mid = el('span', 'chat-mid');
    mid.append(el('span', 'chat-preview', preview));
    if (n) {
      const badge = el('span', 'unread', String(n));
      badge.setAttribute('aria-label', n + ' unread');
      mid.append(badge);
    }
    b.append(top, mid, el('span', 'chat-via', via));
    b.addEventListener('click', () => openThread(c.key));
    li.append(b);
    // The focus stays on the chat's button when it is made again.
    if (had && had.li.contains(document.activeElement)) queueMicrotask(() => b.focus());
    chatItems.set(c.key, { sig, li });
    return li;
  };
  const drawList = () => {
    const all = chats();
    $('no-chats').hidden = all.length > 0;
    place(list, all.map(chatItem));
    const shown = new Set(all.map((c) => c.key));
    for (const key of chatItems.keys()) if (!shown.has(key)) chatItems.delete(key);
  };

  const openThread = (key) => {
    openChat = key;
    phone.classList.add('showing-thread');
    drawThread(true);
    drawList();
  };

  // The open chat's parts, made when it is opened: its head, its bubbles' box, its composer.
  let drawn = null;
  const days = new Map(); // day -> its separator, in the open chat
  const threadOf = (c) => {
    const head = el('div', 'thread-head');
    const back = el('button', 'back', '\u2190');
    back.type = 'button';
    back.setAttribute('aria-label', 'Back to the conversations');
    back.addEventListener('click', () => {
      openChat = null;
      phone.classList.remove('showing-thread');
      drawThread();
      drawList();
      const first = list.querySelector('button.chat');
      if (first) first.focus();
    });
    const who = el('div', 'who');
    who.append(el('h2', 'who-customer', customerOf(c.last)));
    who.append(
      el(
        'div',
        'who-via',
        'with ' +
          (businessOf(c.last) || 'no business number') +
          ' \u00b7 ' +
          c.last.host +
          ' \u00b7 ' +
          c.last.accessKey,
      ),
    );
    head.append(back, who);
    const box = el('div', 'bubbles');
    box.tabIndex = 0;
    box.setAttribute('aria-label', 'Messages');
    return { key: c.key, head, box, composer: composerOf(c) };
  };

  function drawThread(focus) {
    const c = openChat && chats().find((x) => x.key === openChat);
    if (!c) {
      phone.classList.remove('showing-thread');
      thread.replaceChildren(el('p', 'none', 'Choose a conversation.'));
      drawn = null;
      bubbles.clear();
      days.clear();
      return;
    }
    seen.set(c.key, atOf(c.last));
    const opened = !drawn || drawn.key !== c.key;
    if (opened) {
      bubbles.clear();
      days.clear();
      drawn = threadOf(c);
      thread.replaceChildren(drawn.head, drawn.box, drawn.composer);
    }
    const { box } = drawn;
    const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
    const nodes = [];
    const ids = new Set();
    let lastDay = '';
    for (const m of c.messages) {
      const d = day(atOf(m));
      if (d !== lastDay) {
        if (!days.has(d)) days.set(d, el('div', 'day', d));
        nodes.push(days.get(d));
      }
      lastDay = d;
      nodes.push(bubbleOf(m));
      ids.add(m.id);
    }
    for (const id of bubbles.keys()) if (!ids.has(id)) bubbles.delete(id);
    const typing = typingOf(c);
    if (typing) nodes.push(typing);
    place(box, nodes);
    if (atBottom || opened) box.scrollTop = box.scrollHeight;
    if (focus && $('compose-text')) $('compose-text').focus();
  }

  // ---- Templates and media panes. ----
  const drawTemplates = () => {
    $('no-templates').hidden = templates.length > 0;
    const byAccount = new Map();
    for (const t of templates) {
      if (!byAccount.has(t.accessKey)) byAccount.set(t.accessKey, []);
      byAccount.get(t.accessKey).push(t);
    }
    const out = [];
    for (const [account, list] of byAccount) {
      out.push(el('h2', 'account', 'account ' + account));
      const t = el('table', 'templates');
      const head = t.createTHead().insertRow();
      for (const k of ['name', 'language', 'status', 'category', 'host', 'number', 'id', 'review'])
        head.append(el('th', '', k));
      const body = t.createTBody();
      for (const x of list) {
        const r = body.insertRow();
        r.dataset.id = x.id;
        r.dataset.status = x.status;
        for (const v of [x.name, x.language, x.status, obj(x.definition).category, x.host, x.phone, x.id])
          r.append(el('td', '', str(v)));
        r.cells[2].className = 'status status-' + lower(x.status);
        // A review ended by hand sends the template callback the host documents.
        const act = r.insertCell();
        if (x.status === 'PENDING')
          for (const [decision, label] of [
            ['APPROVED', 'Approve'],
            ['REJECTED', 'Reject'],
          ]) {
            const button = el('button', 'review-' + lower(decision), label);
            button.type = 'button';
            button.setAttribute('aria-label', label + ' ' + x.name + ' (' + x.language + ')');
            button.addEventListener('click', () => {
              button.disabled = true;
              fetch('/__nxwa/templates/' + encodeURIComponent(x.id) + '/review', {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ verdict: decision, host: x.host }),
              })
                .then((res) => res.json().then((j) => (res.ok ? undefined : (act.textContent = j.error))))
                .catch((e) => (act.textContent = e.message))
                .finally(() => readStores(0));
            });
            act.append(button);
          }
      }
      out.push(t);
    }
    $('template-list').replaceChildren(...out);
  };
  const drawMedia = () => {
    const all = [...media.values()];
    $('no-media').hidden = all.length > 0;
    $('media-list').replaceChildren(
      ...all.map((m) => {
        const li = el('li', 'medium');
        li.dataset.id = m.id;
        if (m.url && /^image\//.test(m.mimeType)) {
          const img = el('img', 'thumb');
          img.src = m.url;
          img.alt = str(m.fileName);
          img.loading = 'lazy';
          li.append(img);
        } else li.append(el('div', 'doc-icon big', ext(m.fileName)));
        li.append(
          el('div', 'doc-name', str(m.fileName)),
          el('div', 'doc-size', size(m.size) + ' \u00b7 ' + str(m.mimeType)),
        );
        li.append(el('div', 'chat-via', str(m.kind) + ' \u00b7 ' + str(m.accessKey) + ' \u00b7 ' + str(m.phone)));
        if (m.url) {
          const a = el('a', 'link', 'download');
          a.href = m.url;
          a.download = str(m.fileName);
          li.append(a);
        } else if (m.sourceUrl) li.append(outLink(str(m.sourceUrl)));
        return li;
      }),
    );
  };

  // ---- Fed by the log's stream. ----
  let redraw;
  const changed = () => {
    redraw ??= requestAnimationFrame(() => {
      redraw = undefined;
      drawList();
      drawThread();
    });
    storesChanged();
  };
  document.addEventListener('nxwa-messages', (e) => {
    const { kind, data } = e.detail;
    if (kind === 'open') return storesChanged();
    if (kind === 'snapshot') {
      records.clear();
      for (const m of arr(data)) if (m && typeof m.id === 'string') records.set(keyOf(m), m);
    } else if (kind === 'upsert' && data && typeof data.id === 'string') records.set(keyOf(data), data);
    else if (kind === 'drop' && data) records.delete(keyOf(data));
    changed();
  });
  document.addEventListener('nxwa-pane', (e) => {
    if (e.detail === 'templates' || e.detail === 'media') readStores(0);
  });
  drawList();
})();
