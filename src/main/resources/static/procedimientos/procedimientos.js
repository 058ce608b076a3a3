// The logged-in user's entity: GET /api/entidad/procedimientos (docs/processes/procedimientos.md).
(function () {
  'use strict';
  var SIZE = 20;
  var page = 0;
  var SITUATION = { ADOPTADO: 'Adoptado', PENDIENTE: 'Pendiente', VENCIDO: 'Vencido' };

  function date(iso) {
    if (!iso) { return '—'; }
    var p = String(iso).substring(0, 10).split('-');
    return p[2] + '/' + p[1] + '/' + p[0];
  }

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function load() {
    var situation = document.getElementById('situacion').value;
    var url = '/api/entidad/procedimientos?pagina=' + page + '&tamano=' + SIZE
      + (situation ? '&situacion=' + encodeURIComponent(situation) : '');
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        return r.json().then(function (body) { return { ok: r.ok, body: body }; });
      })
      .then(function (answer) {
        var notice = document.getElementById('aviso');
        if (!answer.ok) {
          notice.textContent = answer.body.detail || 'No se pudo leer la lista.';
          return;
        }
        notice.textContent = '';
        var body = answer.body;
        document.getElementById('entidad').textContent = body.entidad + ' (nivel ' + (body.nivelGobierno || 'sin registrar') + ')';
        var tbody = document.querySelector('#procedimientos tbody');
        tbody.textContent = '';
        body.procedimientos.forEach(function (p) {
          var tr = document.createElement('tr');
          cell(tr, p.codigo);
          cell(tr, p.nombre);
          cell(tr, String(p.versionVigente));
          cell(tr, date(p.publicado));
          cell(tr, p.versionAdoptada ? String(p.versionAdoptada) : '—');
          cell(tr, date(p.plazoAdecuacion));
          cell(tr, SITUATION[p.situacion] || p.situacion).className = 'situacion-' + p.situacion.toLowerCase();
          tbody.appendChild(tr);
        });
        var pages = Math.max(1, Math.ceil(body.total / SIZE));
        document.getElementById('paginacion').textContent = 'Página ' + (page + 1) + ' de ' + pages + ' (' + body.total + ')';
        document.getElementById('anterior').disabled = page === 0;
        document.getElementById('siguiente').disabled = page + 1 >= pages;
        if (body.procedimientos.length === 0) {
          notice.textContent = 'No hay procedimientos en esta lista.';
        }
      })
      .catch(function () {
        document.getElementById('aviso').textContent = 'No se pudo leer la lista: revise su conexión o inicie sesión en Tasklist.';
      });
  }

  document.getElementById('situacion').addEventListener('change', function () { page = 0; load(); });
  document.getElementById('anterior').addEventListener('click', function () { page = Math.max(0, page - 1); load(); });
  document.getElementById('siguiente').addEventListener('click', function () { page += 1; load(); });
  load();
}());
