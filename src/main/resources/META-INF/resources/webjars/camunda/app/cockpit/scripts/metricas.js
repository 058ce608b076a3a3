// Cockpit plugin "Métricas": a navigation entry and a page (#/metricas) with the process figures
// of /api/metricas/procesos, for managers (gerencia) and administrators. Plain ES module, no build.

const API = '/api/metricas/procesos';

function escape(text) {
  return String(text == null ? '' : text).replace(/[&<>"']/g, (c) => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'
  })[c]);
}

/** 5400000 -> "1 h 30 min"; null -> "—". */
function duration(ms) {
  if (ms == null) {
    return '—';
  }
  const s = Math.round(ms / 1000);
  if (s < 60) {
    return s + ' s';
  }
  const min = Math.floor(s / 60);
  if (min < 60) {
    return min + ' min';
  }
  const h = Math.floor(min / 60);
  if (h < 24) {
    return h + ' h' + (min % 60 ? ' ' + (min % 60) + ' min' : '');
  }
  const d = Math.floor(h / 24);
  return d + ' d' + (h % 24 ? ' ' + (h % 24) + ' h' : '');
}

function isoDay(date) {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return local.toISOString().substring(0, 10);
}

function figuresCells(f) {
  return `<td class="c-iniciadas">${f.iniciadas}</td>
    <td class="c-completadas">${f.completadas}</td>
    <td class="c-canceladas">${f.canceladas}</td>
    <td class="c-en-curso">${f.enCurso}</td>
    <td class="c-mediana">${duration(f.duracionMedianaMs)}</td>
    <td class="c-p90">${duration(f.duracionP90Ms)}</td>
    <td class="c-sla">${f.incumplimientosSla}</td>
    <td class="c-incidentes">${f.incidentesAbiertos}</td>
    <td class="c-incidentes-periodo">${f.incidentesEnPeriodo}</td>`;
}

function processTable(report) {
  const rows = report.procesos.map((p) => {
    const head = `<tr class="proceso" data-proceso="${escape(p.proceso)}">
      <th>${escape(p.nombre)}<br><small class="text-muted">${escape(p.proceso)}</small></th>
      <th>Todas</th>${figuresCells(p.cifras)}</tr>`;
    const entities = p.entidades.map((e) => `<tr class="entidad" data-proceso="${escape(p.proceso)}"
        data-entidad="${escape(e.entidad || '')}">
      <td></td><td>${escape(e.nombreEntidad)}${e.entidad ? `<br><small class="text-muted">RUC ${escape(e.entidad)}</small>` : ''}</td>
      ${figuresCells(e.cifras)}</tr>`).join('');
    return head + entities;
  }).join('');
  return `<table class="table table-condensed cam-table" id="metricas-procesos">
    <thead><tr><th>Proceso</th><th>Entidad</th><th>Iniciadas</th><th>Completadas</th>
      <th>Canceladas</th><th title="Sin terminar al cierre del periodo">En curso</th>
      <th title="De las completadas en el periodo">Duración (mediana)</th>
      <th title="De las completadas en el periodo">Duración (p90)</th>
      <th title="Plazos vencidos registrados por el proceso en el periodo">Plazos vencidos (SLA)</th>
      <th>Incidentes abiertos</th><th>Incidentes en el periodo</th></tr></thead>
    <tbody>${rows}</tbody></table>`;
}

function tasksTable(report) {
  if (!report.tareasAbiertas.length) {
    return '<p id="metricas-tareas">No hay tareas abiertas.</p>';
  }
  const rows = report.tareasAbiertas.map((t) => `<tr data-grupo="${escape(t.grupo || '')}"
      data-proceso="${escape(t.proceso)}" data-entidad="${escape(t.entidad || '')}">
    <td>${escape(t.nombreGrupo)}</td><td>${escape(t.proceso)}</td><td>${escape(t.nombreEntidad)}</td>
    <td class="c-tareas">${t.tareas}</td><td class="c-sin-asignar">${t.sinAsignar}</td>
    <td class="c-antiguedad-media">${duration(t.antiguedadMediaMs)}</td>
    <td class="c-antiguedad-maxima">${duration(t.antiguedadMaximaMs)}</td></tr>`).join('');
  return `<table class="table table-condensed cam-table" id="metricas-tareas">
    <thead><tr><th>Grupo candidato</th><th>Proceso</th><th>Entidad</th><th>Tareas</th>
      <th>Sin asignar</th><th>Antigüedad media</th><th>Antigüedad máxima</th></tr></thead>
    <tbody>${rows}</tbody></table>`;
}

function satisfactionCells(f) {
  const average = f.promedio == null ? '—' : f.promedio.toFixed(2).replace('.', ',');
  return `<td class="c-respondidas">${f.respondidas}</td><td class="c-promedio">${average}</td>
    ${f.distribucion.map((n, i) => `<td class="c-puntaje-${i + 1}">${n}</td>`).join('')}
    <td class="c-omitidas">${f.omitidas}</td><td class="c-sin-respuesta">${f.sinRespuesta}</td>`;
}

function satisfactionTable(report) {
  const procedures = report.satisfaccion || [];
  if (!procedures.length) {
    return '<p id="metricas-satisfaccion">No hay encuestas de satisfacción respondidas, omitidas ni vencidas en el periodo.</p>';
  }
  const rows = procedures.map((p) => `<tr class="fila-proceso" data-proceso="${escape(p.proceso)}">
      <td><strong>${escape(p.nombre)}</strong></td><td>Todas</td>${satisfactionCells(p.cifras)}</tr>`
    + p.entidades.map((e) => `<tr data-proceso="${escape(p.proceso)}" data-entidad="${escape(e.entidad || '')}">
      <td></td><td>${escape(e.nombreEntidad)}</td>${satisfactionCells(e.cifras)}</tr>`).join('')).join('');
  const comments = (report.comentarios || []).map((c) => `<li><strong>${c.calificacion == null ? 'Sin calificación'
      : c.calificacion + '/5'}</strong> · ${escape(c.nombreEntidad)} · ${escape(c.proceso)}: ${escape(c.comentario)}</li>`).join('');
  return `<table class="table table-condensed cam-table" id="metricas-satisfaccion">
    <thead><tr><th>Procedimiento</th><th>Entidad</th><th>Respondidas</th><th title="De 1 a 5">Promedio</th>
      <th>1</th><th>2</th><th>3</th><th>4</th><th>5</th>
      <th title="Marcaron «Prefiero no responder»">Omitidas</th>
      <th title="Se cerraron sin respuesta al vencer su plazo">Sin respuesta</th></tr></thead>
    <tbody>${rows}</tbody></table>`
    + (comments ? `<h3 style="font-size: 15px;">Últimos comentarios</h3><ul id="metricas-comentarios">${comments}</ul>` : '');
}

function renderPage(node, api) {
  const today = new Date();
  const from = new Date(today.getTime() - 29 * 86400000);
  node.innerHTML = `<section id="metricas-plataforma" class="ctn-content-container" style="padding: 20px; overflow: auto;">
    <h1 style="font-size: 24px;">Métricas de procesos</h1>
    <form id="metricas-filtro" class="form-inline" style="margin-bottom: 15px;">
      <label>Desde <input type="date" id="metricas-desde" class="form-control" value="${isoDay(from)}"></label>
      <label style="margin-left: 10px;">Hasta <input type="date" id="metricas-hasta" class="form-control" value="${isoDay(today)}"></label>
      <label style="margin-left: 10px;">Entidad <select id="metricas-entidad" class="form-control">
        <option value="">Todas las entidades</option></select></label>
      <button type="submit" id="metricas-consultar" class="btn btn-primary" style="margin-left: 10px;">Consultar</button>
    </form>
    <p id="metricas-estado" class="text-muted">Cargando…</p>
    <div id="metricas-resultado"></div>
    <p class="text-muted"><small>Iniciadas, completadas y canceladas: en el periodo. En curso: sin terminar al
      cierre del periodo. Duración: de las instancias completadas en el periodo. Tareas abiertas e incidentes
      abiertos: en este momento. Detalle en docs/metricas.md.</small></p>
  </section>`;
  const form = node.querySelector('#metricas-filtro');
  const entitySelect = node.querySelector('#metricas-entidad');
  const status = node.querySelector('#metricas-estado');
  const result = node.querySelector('#metricas-resultado');
  const known = new Map();

  async function load() {
    const params = new URLSearchParams({
      desde: node.querySelector('#metricas-desde').value,
      hasta: node.querySelector('#metricas-hasta').value
    });
    if (entitySelect.value) {
      params.set('entidad', entitySelect.value);
    }
    status.textContent = 'Cargando…';
    const headers = { Accept: 'application/json' };
    if (api && api.CSRFToken) {
      headers['X-XSRF-TOKEN'] = api.CSRFToken;
    }
    try {
      const response = await fetch(API + '?' + params, { credentials: 'same-origin', headers });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) {
        result.innerHTML = '';
        status.textContent = body.detail || body.mensaje || ('No se pudieron obtener las métricas (HTTP ' + response.status + ').');
        status.className = 'text-danger';
        return;
      }
      body.procesos.forEach((p) => p.entidades.forEach((e) => {
        if (e.entidad && !known.has(e.entidad)) {
          known.set(e.entidad, e.nombreEntidad);
          const option = document.createElement('option');
          option.value = e.entidad;
          option.textContent = e.nombreEntidad + ' (' + e.entidad + ')';
          entitySelect.appendChild(option);
        }
      }));
      status.className = 'text-muted';
      status.textContent = `Periodo ${body.desde} a ${body.hasta} (${body.zonaHoraria}) · ${body.alcance}`;
      result.innerHTML = '<h2 style="font-size: 18px;">Instancias por proceso y entidad</h2>' + processTable(body)
        + '<h2 style="font-size: 18px;">Tareas abiertas por grupo</h2>' + tasksTable(body)
        + '<h2 style="font-size: 18px;">Satisfacción de los solicitantes</h2>' + satisfactionTable(body);
    } catch (error) {
      status.textContent = 'No se pudieron obtener las métricas: ' + error;
      status.className = 'text-danger';
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  load();
}

export default [
  {
    id: 'plataforma.metricas.navegacion',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: {
      pagePath: '#/metricas',
      label: 'Métricas',
      checkActive: (path) => path.indexOf('#/metricas') > -1
    },
    render: (node) => {
      node.innerHTML = '<a href="#/metricas" id="metricas-navegacion">Métricas</a>';
    }
  },
  {
    id: 'plataforma.metricas.pagina',
    pluginPoint: 'cockpit.route',
    properties: {
      path: '/metricas',
      label: 'Métricas'
    },
    render: (node, { api } = {}) => renderPage(node, api)
  }
];
