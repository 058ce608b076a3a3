#!/usr/bin/env bash
# Restaura un respaldo de backup.sh en la base de PLATFORM_DB_URL, que se BORRA y se vuelve a crear.
#
#   PLATFORM_DB_URL=jdbc:postgresql://servidor:5432/plataforma ... \
#   docker/scripts/restore.sh respaldos/plataforma-20261125T060000Z.dump --confirmar
#
# Antes: detenga todos los nodos de la plataforma (el script se niega si hay otras conexiones a la
# base, salvo con --forzar, que las corta). El usuario necesita permiso CREATEDB. La restauración
# es una sola transacción: si falla, la base queda vacía y el respaldo intacto; repítala.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/db-env.sh"

file=${1:-}
[ -n "$file" ] && [ -f "$file" ] || { echo "Uso: $0 ARCHIVO.dump --confirmar [--forzar]" >&2; exit 2; }
shift
confirm=no; force=no
for arg in "$@"; do
  case "$arg" in
    --confirmar) confirm=yes ;;
    --forzar) force=yes ;;
    *) echo "Opción desconocida: $arg" >&2; exit 2 ;;
  esac
done
if [ "$confirm" != yes ]; then
  echo "Esto borra la base $PGDATABASE en $PGHOST:$PGPORT y la reemplaza por $file. Repita con --confirmar." >&2
  exit 2
fi
if [ -f "$file.sha256" ]; then
  (cd "$(dirname "$file")" && sha256sum --quiet -c "$(basename "$file").sha256") \
    || { echo "El respaldo no coincide con su suma SHA-256: no se restaura." >&2; exit 3; }
fi
pg_restore --list "$file" > /dev/null || { echo "$file no es un respaldo de pg_dump." >&2; exit 3; }

target=$PGDATABASE
sql_target=$(printf '%s' "$target" | sed 's/"/""/g')
# psql interpolates :'db' (safely quoted) only in statements read from standard input.
others=$(echo "SELECT count(*) FROM pg_stat_activity WHERE datname = :'db' AND pid <> pg_backend_pid()" \
  | psql -d postgres -Atq -v ON_ERROR_STOP=1 -v db="$target")
if [ "$others" != 0 ]; then
  if [ "$force" != yes ]; then
    echo "Hay $others conexiones abiertas a $target (¿nodos de la plataforma en marcha?). Deténgalos o use --forzar." >&2
    exit 4
  fi
  echo "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :'db' AND pid <> pg_backend_pid()" \
    | psql -d postgres -q -v ON_ERROR_STOP=1 -v db="$target" > /dev/null
fi
psql -d postgres -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS \"$sql_target\"" -c "CREATE DATABASE \"$sql_target\""
pg_restore --dbname="$target" --no-owner --no-privileges --exit-on-error --single-transaction "$file"

docs=$(psql -Atq -c "SELECT count(*) FROM document" 2>/dev/null || echo "?")
procs=$(psql -Atq -c "SELECT count(*) FROM act_hi_procinst" 2>/dev/null || echo "?")
echo "Restaurado $file en $target: $docs documentos, $procs instancias de proceso (historial)." >&2
