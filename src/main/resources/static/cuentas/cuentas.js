// Sends a form as JSON and shows the answer: the message, and each refused field next to it.
function enviarFormulario(formId, url, campos, alTerminar) {
  const form = document.getElementById(formId);
  const result = document.getElementById('resultado');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    document.querySelectorAll('.campo-error').forEach(e => e.remove());
    result.className = ''; result.textContent = '';
    const body = {};
    campos.forEach(c => { body[c] = document.getElementById(c).value; });
    Object.assign(body, alTerminar.extra ? alTerminar.extra() : {});
    const button = form.querySelector('button'); button.disabled = true;
    try {
      const r = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body) });
      const answer = await r.json().catch(() => ({ mensaje: 'No se pudo procesar la respuesta.' }));
      if (r.ok) {
        result.className = 'ok'; result.textContent = answer.mensaje;
        alTerminar.ok(answer);
      } else {
        result.className = 'error'; result.textContent = answer.detail || answer.mensaje || 'No se pudo completar la operación.';
        (answer.errores || []).forEach(e => {
          const input = document.getElementById(e.campo);
          if (input) {
            const p = document.createElement('div'); p.className = 'campo-error'; p.textContent = e.mensaje;
            input.insertAdjacentElement('afterend', p);
          }
        });
      }
    } catch (e) {
      result.className = 'error'; result.textContent = 'No se pudo conectar con la plataforma; reintente.';
    } finally {
      button.disabled = false;
    }
  });
}
