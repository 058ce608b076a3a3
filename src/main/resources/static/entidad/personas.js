// Personas de la entidad: the master user's page over /api/entidad/usuarios, with the Tasklist session.
(function () {
  const API = '/api/entidad/usuarios';
  const TAMANO = 25;
  const estado = { pagina: 0, total: 0, q: '', roles: [], usuarioActual: null };
  const aviso = document.getElementById('aviso');
  const cuerpo = document.querySelector('#personas tbody');

  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    Object.assign(e, props || {});
    children.forEach(c => e.append(c));
    return e;
  }

  function mostrar(destino, clase, texto) {
    destino.className = clase;
    destino.textContent = texto;
  }

  function mensajeDe(respuesta, cuerpoJson) {
    if (respuesta.status === 401) {
      return 'Debe iniciar sesión en Tasklist (/camunda/app/tasklist/) como usuario máster de su entidad y volver a esta página.';
    }
    return cuerpoJson.detail || cuerpoJson.mensaje || cuerpoJson.message || 'No se pudo completar la operación.';
  }

  async function llamar(metodo, url, cuerpoEnvio) {
    const opciones = { method: metodo, credentials: 'same-origin', headers: {} };
    if (cuerpoEnvio instanceof FormData) {
      opciones.body = cuerpoEnvio;
    } else if (cuerpoEnvio !== undefined) {
      opciones.headers['Content-Type'] = 'application/json';
      opciones.body = JSON.stringify(cuerpoEnvio);
    }
    const r = await fetch(url, opciones);
    const json = await r.json().catch(() => ({}));
    return { r, json };
  }

  async function cargar() {
    const params = new URLSearchParams({ pagina: estado.pagina, tamano: TAMANO });
    if (estado.q) params.set('q', estado.q);
    let resultado;
    try {
      resultado = await llamar('GET', API + '?' + params);
    } catch (e) {
      mostrar(aviso, 'error', 'No se pudo conectar con la plataforma; reintente.');
      return;
    }
    const { r, json } = resultado;
    if (!r.ok) {
      mostrar(aviso, 'error', mensajeDe(r, json));
      return;
    }
    document.getElementById('entidad').textContent = '— ' + json.entidad.nombre + ' (RUC ' + json.entidad.ruc + ')';
    estado.total = json.total;
    estado.usuarioActual = json.usuarioActual;
    if (estado.roles.length === 0) {
      estado.roles = json.rolesAsignables;
      pintarRolesNuevos();
    }
    pintarTabla(json.usuarios);
    const paginas = Math.max(1, Math.ceil(json.total / TAMANO));
    document.getElementById('paginacion').textContent =
      'Página ' + (estado.pagina + 1) + ' de ' + paginas + ' · ' + json.total + ' usuario(s)';
    document.getElementById('todos').addEventListener('click', () => {
    estado.q = '';
    estado.pagina = 0;
    document.getElementById('q').value = '';
    cargar();
  });
  document.getElementById('anterior').disabled = estado.pagina === 0;
    document.getElementById('siguiente').disabled = estado.pagina + 1 >= paginas;
  }

  function nombreRol(id) {
    const rol = estado.roles.find(x => x.rol === id);
    return rol ? rol.nombre : (id === 'usuario-maestro' ? 'Usuario máster' : id);
  }

  function casillas(nombre, marcados) {
    return estado.roles.map(rol => {
      const caja = el('input', { type: 'checkbox', name: nombre, value: rol.rol, checked: marcados.includes(rol.rol) });
      return el('label', {}, caja, ' ' + rol.nombre + ' (' + rol.rol + ')');
    });
  }

  function pintarRolesNuevos() {
    const fieldset = document.getElementById('roles');
    fieldset.querySelectorAll('label').forEach(l => l.remove());
    casillas('rol', []).forEach(l => fieldset.append(l));
  }

  function pintarTabla(usuarios) {
    cuerpo.replaceChildren();
    if (usuarios.length === 0) {
      cuerpo.append(el('tr', {}, el('td', { colSpan: 6, textContent: 'No hay usuarios que mostrar.' })));
      return;
    }
    usuarios.forEach(u => {
      const fila = el('tr', { className: u.activo ? '' : 'inactivo' });
      fila.dataset.usuario = u.usuario;
      const acciones = el('td');
      if (u.activo) {
        acciones.append(el('button', { type: 'button', textContent: 'Cambiar roles', className: 'roles',
          onclick: () => editarRoles(fila, u) }));
        acciones.append(el('button', { type: 'button', textContent: 'Enviar enlace de contraseña', className: 'enlace',
          onclick: () => accion('POST', u, '/enlace', null) }));
        if (!u.maestro && u.usuario !== estado.usuarioActual) {
          acciones.append(el('button', { type: 'button', textContent: 'Desactivar', className: 'desactivar',
            onclick: () => accion('POST', u, '/desactivacion',
              '¿Desactivar a ' + u.usuario + '? No podrá iniciar sesión y perderá sus roles hasta que lo reactive.') }));
        }
      } else {
        acciones.append(el('button', { type: 'button', textContent: 'Reactivar', className: 'reactivar',
          onclick: () => accion('DELETE', u, '/desactivacion', null) }));
      }
      fila.append(
        el('td', { textContent: u.usuario }),
        el('td', { textContent: (u.nombres || '') + ' ' + (u.apellidos || '') }),
        el('td', { textContent: u.correo || '' }),
        el('td', { textContent: u.roles.map(nombreRol).join(', ') }),
        el('td', {}, el('span', { className: 'estado', textContent: u.activo ? 'Activo' : 'Desactivado' })),
        acciones);
      cuerpo.append(fila);
    });
  }

  function editarRoles(fila, u) {
    const siguiente = fila.nextElementSibling;
    if (siguiente && siguiente.classList.contains('editor')) {
      siguiente.remove();
      return;
    }
    const celda = el('td', { colSpan: 6 });
    casillas('rol-' + u.usuario, u.roles).forEach(l => celda.append(l));
    celda.append(el('button', { type: 'button', textContent: 'Guardar roles', className: 'guardar-roles',
      onclick: async () => {
        const roles = [...celda.querySelectorAll('input:checked')].map(c => c.value);
        await accion('PUT', u, '/roles', null, { roles });
      } }));
    celda.append(el('button', { type: 'button', textContent: 'Cancelar', onclick: () => editor.remove() }));
    const editor = el('tr', { className: 'editor' }, celda);
    fila.after(editor);
  }

  async function accion(metodo, u, ruta, confirmacion, cuerpoEnvio) {
    if (confirmacion && !window.confirm(confirmacion)) return;
    try {
      const { r, json } = await llamar(metodo, API + '/' + encodeURIComponent(u.usuario) + ruta, cuerpoEnvio);
      if (r.ok) {
        mostrar(aviso, 'ok', json.mensaje);
        await cargar();
      } else {
        mostrar(aviso, 'error', mensajeDe(r, json));
      }
    } catch (e) {
      mostrar(aviso, 'error', 'No se pudo conectar con la plataforma; reintente.');
    }
  }

  document.getElementById('busqueda').addEventListener('submit', event => {
    event.preventDefault();
    estado.q = document.getElementById('q').value.trim();
    estado.pagina = 0;
    cargar();
  });
  document.getElementById('anterior').addEventListener('click', () => { estado.pagina--; cargar(); });
  document.getElementById('siguiente').addEventListener('click', () => { estado.pagina++; cargar(); });

  const crear = document.getElementById('crear');
  crear.addEventListener('submit', async event => {
    event.preventDefault();
    crear.querySelectorAll('.campo-error').forEach(e => e.remove());
    const cuerpoEnvio = {};
    ['usuario', 'nombres', 'apellidos', 'correo'].forEach(c => { cuerpoEnvio[c] = document.getElementById(c).value; });
    cuerpoEnvio.roles = [...crear.querySelectorAll('input[name=rol]:checked')].map(c => c.value);
    const boton = document.getElementById('crearUsuario');
    boton.disabled = true;
    try {
      const { r, json } = await llamar('POST', API, cuerpoEnvio);
      if (r.status === 201) {
        mostrar(aviso, 'ok', json.mensaje);
        crear.reset();
        // the list shows the new person (a search by its id: the whole list may be pages long)
        estado.q = json.usuario.usuario;
        estado.pagina = 0;
        document.getElementById('q').value = estado.q;
        await cargar();
        aviso.scrollIntoView({ block: 'start' });
      } else {
        mostrar(aviso, 'error', mensajeDe(r, json));
        (json.errores || []).forEach(e => {
          const destino = document.getElementById(e.campo);
          if (destino) {
            destino.insertAdjacentElement(e.campo === 'roles' ? 'beforeend' : 'afterend',
              el('div', { className: 'campo-error', textContent: e.mensaje }));
          }
        });
      }
    } catch (e) {
      mostrar(aviso, 'error', 'No se pudo conectar con la plataforma; reintente.');
    } finally {
      boton.disabled = false;
    }
  });

  const importacion = document.getElementById('importacion');
  const informe = document.getElementById('informe');
  importacion.addEventListener('submit', async event => {
    event.preventDefault();
    const archivo = document.getElementById('archivo');
    if (!archivo.files.length) {
      mostrar(informe, 'error', 'Elija el archivo CSV o XLSX.');
      return;
    }
    const datos = new FormData();
    datos.append('archivo', archivo.files[0]);
    const boton = document.getElementById('importar');
    boton.disabled = true;
    mostrar(informe, '', 'Importando…');
    try {
      const { r, json } = await llamar('POST', API + '/importacion', datos);
      if (r.status === 201) {
        mostrar(informe, 'ok', json.mensaje);
        importacion.reset();
        await cargar();
      } else {
        mostrar(informe, 'error', mensajeDe(r, json));
        const errores = json.errores || [];
        if (errores.some(e => e.fila)) {
          const tabla = el('table', { id: 'rechazos' },
            el('thead', {}, el('tr', {}, el('th', { textContent: 'Fila' }), el('th', { textContent: 'Columna' }),
              el('th', { textContent: 'Motivo' }))));
          const filas = el('tbody');
          errores.forEach(e => filas.append(el('tr', {}, el('td', { textContent: e.fila }),
            el('td', { textContent: e.columna }), el('td', { textContent: e.mensaje }))));
          tabla.append(filas);
          informe.append(tabla);
        } else {
          errores.forEach(e => informe.append(el('div', { className: 'campo-error', textContent: e.mensaje })));
        }
      }
    } catch (e) {
      mostrar(informe, 'error', 'No se pudo conectar con la plataforma; reintente.');
    } finally {
      boton.disabled = false;
    }
  });

  cargar();
})();
