// Tasklist configuration of the platform. It replaces the webapp's own app/tasklist/scripts/config.js
// (this file comes first on the classpath); every option left out keeps Tasklist's default.
// locales: Spanish first (locales/es.json, shipped by the platform); a browser whose first
// language is English gets English, any other language gets Spanish (docs/configuration.md).
// shortcuts: the keyboard shortcuts of Camunda's own config.js, their descriptions in Spanish.
// customScripts: ES modules under app/tasklist/, without ".js": the PDF picker and viewer of the
// forms (docs/documentos-en-formularios.md).
export default {
  customScripts: ['scripts/documentos'],
  locales: {
    availableLocales: ['es', 'en'],
    fallbackLocale: 'es'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'toma la tarea seleccionada'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'pone el foco en el primer filtro de la lista'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'pone el foco en la primera tarea de la lista'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'pone el foco en el primer campo del formulario de la tarea'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'abre el diálogo para iniciar un proceso'
    }
  }
};
