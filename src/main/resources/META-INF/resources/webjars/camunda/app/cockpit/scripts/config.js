// Cockpit configuration of the platform. It replaces the webapp's own app/cockpit/scripts/config.js
// (this file comes first on the classpath); every option left out keeps Cockpit's default.
// customScripts: ES modules under app/cockpit/, without ".js"; see docs/metricas.md.
// locales: Spanish first (locales/es.json, shipped by the platform); a browser whose first
// language is English gets English, any other language gets Spanish (docs/configuration.md).
export default {
  customScripts: ['scripts/metricas'],
  locales: {
    availableLocales: ['es', 'en'],
    fallbackLocale: 'es'
  }
};
