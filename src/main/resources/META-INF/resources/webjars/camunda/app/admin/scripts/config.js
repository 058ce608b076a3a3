// Admin configuration of the platform. It replaces the webapp's own app/admin/scripts/config.js
// (this file comes first on the classpath); every option left out keeps Admin's default.
// locales: Spanish first (locales/es.json, shipped by the platform); a browser whose first
// language is English gets English, any other language gets Spanish (docs/configuration.md).
export default {
  locales: {
    availableLocales: ['es', 'en'],
    fallbackLocale: 'es'
  }
};
