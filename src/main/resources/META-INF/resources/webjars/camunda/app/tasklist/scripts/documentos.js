// Documents inside Tasklist's Camunda Forms (docs/documentos-en-formularios.md).
//
// Tasklist 7.24 renders forms with form-js 1.8, which has no file picker. This script, loaded by
// config.js (customScripts), watches the forms Tasklist shows (task forms and start forms) and:
// 1. next to every field that holds a document code (its key ends in "DocumentId" or "DocumentIds")
//    adds a PDF picker: the file is uploaded to /api/documentos, the code is written into the field
//    as if typed, and the document is shown with its name, size, SHA-256 and signature (who signed,
//    valid or why not); a refusal (not a PDF, too large...) is shown in Spanish under the field;
// 2. opens every link to a document's content (/api/documentos/{id}/contenido) in a viewer over
//    Tasklist, without leaving it.
// The forms stay plain Camunda Forms (a text field per code), so the Modeler opens them as before
// and API users can still paste codes.

const API = '/api/documentos';
const DOCUMENT_KEY = /(DocumentId|DocumentIds)$/;
// fields whose document must carry a valid digital signature (the others may be unsigned)
const SIGNED_KEY = /^(a3|a1|formatoA1|actaTi|actaTramite)/;
const MARK = 'data-plataforma-documento';

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  Object.entries(props || {}).forEach(([k, v]) => {
    if (k === 'className') {
      node.className = v;
    } else if (k === 'text') {
      node.textContent = v;
    } else if (k.startsWith('on')) {
      node.addEventListener(k.substring(2).toLowerCase(), v);
    } else {
      node.setAttribute(k, v);
    }
  });
  children.filter(Boolean).forEach((c) => node.append(c));
  return node;
}

function size(bytes) {
  if (bytes < 1024) {
    return bytes + ' B';
  }
  if (bytes < 1024 * 1024) {
    return (bytes / 1024).toFixed(1).replace('.', ',') + ' KB';
  }
  return (bytes / (1024 * 1024)).toFixed(1).replace('.', ',') + ' MB';
}

function problemText(body, status) {
  if (body && Array.isArray(body.errores) && body.errores.length) {
    return body.errores.map((e) => e.mensaje).join(' ');
  }
  return (body && (body.detail || body.mensaje)) || ('No se pudo completar (HTTP ' + status + ').');
}

/** The key of a form-js input: its id ends in "-Field_<key>" (Modeler's ids are Field_<key>). */
function keyOf(input) {
  const match = /-Field_([A-Za-z0-9_]+)$/.exec(input.id || '');
  return match ? match[1] : null;
}

/** Writes the value into the form-js field as typing would, so the form keeps it. */
function typeInto(input, value) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  setter.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

// ---- viewer

function openViewer(url, title) {
  closeViewer();
  const frame = el('iframe', { src: url, title: 'Documento PDF', id: 'visor-documento-pdf',
    style: 'flex: 1; width: 100%; border: 0; background: #525659;' });
  const overlay = el('div', { id: 'visor-documento', role: 'dialog', 'aria-label': 'Documento',
    style: 'position: fixed; inset: 0; z-index: 3000; background: rgba(0,0,0,.55); display: flex;'
      + ' align-items: center; justify-content: center;',
    onClick: (e) => { if (e.target === overlay) { closeViewer(); } } },
  el('div', { style: 'background: #fff; width: min(1100px, 94vw); height: 92vh; display: flex;'
      + ' flex-direction: column; border-radius: 4px; overflow: hidden;' },
  el('div', { style: 'display: flex; gap: 12px; align-items: center; padding: 8px 12px; border-bottom: 1px solid #ddd;' },
    el('strong', { text: title || 'Documento', id: 'visor-documento-titulo', style: 'flex: 1;' }),
    el('a', { href: url, target: '_blank', rel: 'noopener', text: 'Abrir en otra pestaña' }),
    el('button', { type: 'button', className: 'btn btn-default btn-sm', id: 'visor-documento-cerrar',
      text: 'Cerrar', onClick: closeViewer })),
  frame));
  document.body.append(overlay);
  document.addEventListener('keydown', escapeCloses);
}

function escapeCloses(e) {
  if (e.key === 'Escape') {
    closeViewer();
  }
}

function closeViewer() {
  const open = document.getElementById('visor-documento');
  if (open) {
    open.remove();
  }
  document.removeEventListener('keydown', escapeCloses);
}

document.addEventListener('click', (e) => {
  const link = e.target.closest && e.target.closest('a[href*="/api/documentos/"]');
  if (!link || !/\/api\/documentos\/[^/]+\/contenido$/.test(link.getAttribute('href') || '')) {
    return;
  }
  if (!link.closest('.fjs-form, [cam-tasklist-form], .task-details, .modal')) {
    return;
  }
  const id = /\/api\/documentos\/([^/]+)\/contenido$/.exec(link.getAttribute('href'))[1];
  if (!id || id.indexOf('{') >= 0 || id === 'undefined' || id === 'null') {
    e.preventDefault();
    return;
  }
  e.preventDefault();
  openViewer(link.getAttribute('href'), link.textContent.trim());
}, true);

// ---- picker

async function describe(id) {
  const r = await fetch(API + '/' + encodeURIComponent(id), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) {
    throw new Error(problemText(body, r.status));
  }
  return body;
}

async function signature(id) {
  const r = await fetch(API + '/' + encodeURIComponent(id) + '/firma', { credentials: 'same-origin',
    headers: { Accept: 'application/json' } });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) {
    throw new Error(problemText(body, r.status));
  }
  return body;
}

function showDocument(panel, doc, sig, mustBeSigned) {
  const info = panel.querySelector('.documento-info');
  info.innerHTML = '';
  info.className = 'documento-info';
  const signed = sig && sig.valida;
  const unsigned = sig && sig.estado === 'UNSIGNED';
  const sigText = !sig ? '' : signed
    ? 'Firma válida de ' + (sig.firmante || 'firmante sin nombre') + (sig.fechaFirma ? ' (' + sig.fechaFirma.substring(0, 10) + ')' : '') + '.'
    : sig.mensaje;
  const bad = sig && !signed && (mustBeSigned || !unsigned);
  info.append(
    el('div', { className: 'documento-nombre' },
      el('strong', { text: doc.nombre }), ' · ' + size(doc.tamano) + ' · ',
      el('button', { type: 'button', className: 'btn btn-link btn-xs documento-ver', text: 'Ver',
        onClick: () => openViewer(API + '/' + encodeURIComponent(doc.id) + '/contenido', doc.nombre) })),
    el('div', { className: 'documento-huella', style: 'font-family: monospace; font-size: 11px; word-break: break-all;',
      text: 'SHA-256: ' + doc.sha256 }),
    sig ? el('div', { className: 'documento-firma ' + (signed ? 'text-success' : bad ? 'text-danger' : 'text-muted'),
      text: sigText + (bad && mustBeSigned ? ' Este documento debe estar firmado digitalmente.' : '') }) : null);
}

function showError(panel, text) {
  const info = panel.querySelector('.documento-info');
  info.innerHTML = '';
  info.className = 'documento-info text-danger documento-error';
  info.textContent = text;
}

async function refresh(panel, id, mustBeSigned) {
  if (!id) {
    panel.querySelector('.documento-info').innerHTML = '';
    return;
  }
  try {
    const doc = await describe(id);
    let sig = null;
    try {
      sig = await signature(id);
    } catch (e) {
      sig = { valida: false, mensaje: e.message };
    }
    showDocument(panel, doc, sig, mustBeSigned);
  } catch (e) {
    showError(panel, e.message);
  }
}

async function upload(file, input, panel, key) {
  const many = /DocumentIds$/.test(key);
  const data = new FormData();
  data.append('archivo', file, file.name);
  const info = panel.querySelector('.documento-info');
  info.className = 'documento-info text-muted';
  info.textContent = 'Subiendo «' + file.name + '»…';
  try {
    const r = await fetch(API, { method: 'POST', body: data, credentials: 'same-origin',
      headers: { Accept: 'application/json' } });
    const body = await r.json().catch(() => ({}));
    if (!r.ok) {
      showError(panel, problemText(body, r.status));
      return;
    }
    const current = (input.value || '').trim();
    const value = many && current ? current + ',' + body.id : body.id;
    panel.setAttribute('data-codigo', value);
    // the field's change listener (below) then shows the document and its signature
    typeInto(input, value);
    // Tasklist may draw the form again right then (the field comes back empty): type it once more
    [400, 1200, 2500].forEach((ms) => setTimeout(() => {
      const now = document.getElementById(input.id);
      if (now && panel.getAttribute('data-codigo') === value && (now.value || '').trim() !== value) {
        typeInto(now, value);
      }
    }, ms));
  } catch (e) {
    showError(panel, 'No se pudo subir el archivo: ' + e.message);
  }
}

function enhance(input) {
  const key = keyOf(input);
  if (!key || !DOCUMENT_KEY.test(key) || input.disabled || input.readOnly) {
    return;
  }
  const field = input.closest('.fjs-form-field') || input.parentElement;
  const existing = field.nextElementSibling && field.nextElementSibling.getAttribute(MARK) === key
    ? field.nextElementSibling : null;
  if (input.getAttribute(MARK) && existing) {
    return;
  }
  // the form was drawn again: a new input, maybe beside the panel of the old one
  const picked = existing ? existing.getAttribute('data-codigo') : null;
  if (existing) {
    existing.remove();
  }
  input.setAttribute(MARK, key);
  const mustBeSigned = SIGNED_KEY.test(key);
  const picker = el('input', { type: 'file', accept: 'application/pdf,.pdf', className: 'documento-archivo',
    id: 'archivo-' + key, 'aria-label': 'Elegir el PDF para ' + key });
  const panel = el('div', { className: 'documento-panel', [MARK]: key, 'data-campo': key,
    style: 'margin: -4px 0 12px; padding: 8px; border: 1px dashed #bbb; border-radius: 3px; font-size: 13px;' },
  el('label', { for: 'archivo-' + key, style: 'font-weight: normal; margin-right: 8px;',
    text: mustBeSigned ? 'Elegir el PDF firmado digitalmente:' : 'Elegir el PDF:' }),
  picker,
  el('div', { className: 'documento-info', style: 'margin-top: 6px;' }));
  picker.addEventListener('change', () => {
    if (picker.files && picker.files[0]) {
      upload(picker.files[0], input, panel, key);
      picker.value = '';
    }
  });
  field.after(panel);
  if (picked) {
    panel.setAttribute('data-codigo', picked);
    if (!(input.value || '').trim()) {
      typeInto(input, picked);
    }
  }
  // a code already in the field (prefilled, or pasted): show what it is
  const first = (input.value || '').split(',')[0].trim();
  if (first) {
    refresh(panel, first, mustBeSigned);
  }
  input.addEventListener('change', () => refresh(panel, (input.value || '').split(',').pop().trim(), mustBeSigned));
}

let scheduled = false;
function scan() {
  scheduled = false;
  document.querySelectorAll('.fjs-form input[id*="-Field_"]').forEach(enhance);
}

new MutationObserver(() => {
  if (!scheduled) {
    scheduled = true;
    setTimeout(scan, 150);
  }
}).observe(document.documentElement, { childList: true, subtree: true });

export default [];
