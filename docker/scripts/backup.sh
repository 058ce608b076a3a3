#!/usr/bin/env bash
# Respaldo consistente de la base PostgreSQL de la plataforma: procesos de Camunda, historial y
# documentos (los PDF se guardan en la base) en un solo archivo.
#
#   PLATFORM_DB_URL=jdbc:postgresql://servidor:5432/plataforma PLATFORM_DB_USER=... \
#   PLATFORM_DB_PASSWORD=... docker/scripts/backup.sh [carpeta]
#
# pg_dump lee una sola instantánea de la base (transacción REPEATABLE READ): el respaldo es
# consistente aunque la plataforma siga atendiendo. Escribe plataforma-AAAAMMDDTHHMMSSZ.dump
# (formato custom, comprimido) y su .sha256; borra los respaldos con más de
# PLATFORM_BACKUP_RETENTION_DAYS días (14 por defecto). La última línea es la ruta del respaldo.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/db-env.sh"

dest=${1:-${PLATFORM_BACKUP_DIR:-./respaldos}}
retention=${PLATFORM_BACKUP_RETENTION_DAYS:-14}
mkdir -p "$dest"
name="plataforma-$(date -u +%Y%m%dT%H%M%SZ).dump"
tmp="$dest/.$name.partial"
trap 'rm -f "$tmp"' EXIT

pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$tmp"
# Only a complete dump gets its final name: a failed run leaves nothing that looks like a backup.
mv "$tmp" "$dest/$name"
(cd "$dest" && sha256sum "$name" > "$name.sha256")

find "$dest" -maxdepth 1 -name 'plataforma-*.dump' -mtime +"$retention" -print0 \
  | while IFS= read -r -d '' old; do rm -f "$old" "$old.sha256"; done

echo "Respaldo de $PGDATABASE en $PGHOST:$PGPORT: $(du -h "$dest/$name" | cut -f1)" >&2
echo "$dest/$name"
