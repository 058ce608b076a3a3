// Cockpit configuration of the platform. It replaces the webapp's own app/cockpit/scripts/config.js
// (this file comes first on the classpath); every option left out keeps Cockpit's default.
// customScripts: ES modules under app/cockpit/, without ".js"; see docs/metricas.md.
export default {
  customScripts: ['scripts/metricas'],
  locales: {
    availableLocales: ['en', 'de'],
    fallbackLocale: 'en'
  }
};
