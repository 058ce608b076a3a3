# Shared by backup.sh and restore.sh: the database the platform uses, from the same variables the
# platform reads (PLATFORM_DB_URL = jdbc:postgresql://host[:port]/database[?...], PLATFORM_DB_USER,
# PLATFORM_DB_PASSWORD), turned into libpq's PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE.
: "${PLATFORM_DB_URL:?defina PLATFORM_DB_URL (jdbc:postgresql://servidor:5432/base)}"
case "$PLATFORM_DB_URL" in
  jdbc:postgresql://*) ;;
  *) echo "PLATFORM_DB_URL debe empezar con jdbc:postgresql:// (es: $PLATFORM_DB_URL)" >&2; exit 2 ;;
esac
_rest=${PLATFORM_DB_URL#jdbc:postgresql://}
_hostport=${_rest%%/*}
_db=${_rest#*/}
_db=${_db%%\?*}
export PGHOST=${_hostport%%:*}
if [ "$_hostport" != "$PGHOST" ]; then export PGPORT=${_hostport##*:}; else export PGPORT=5432; fi
export PGDATABASE=$_db
export PGUSER=${PLATFORM_DB_USER:-postgres}
export PGPASSWORD=${PLATFORM_DB_PASSWORD:-}
[ -n "$PGDATABASE" ] || { echo "PLATFORM_DB_URL no nombra la base de datos" >&2; exit 2; }
unset _rest _hostport _db
