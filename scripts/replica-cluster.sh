#!/usr/bin/env bash
# A PostgreSQL streaming replica of the local cluster on 127.0.0.1:5432, as a second Debian cluster
# (default: 15/replica on port 5433), for the read-replica test and for trying DATABASE_READ_URL.
# Idempotent: a replica that is already streaming is left alone; a broken one is rebuilt. Run as
# root. The primary is never restarted: it gets a `replication` line in pg_hba.conf (and a reload)
# when it has none, and the script stops if its wal_level cannot feed a replica.
set -euo pipefail
VERSION="${PG_VERSION:-15}"
NAME="${REPLICA_CLUSTER:-replica}"
PORT="${REPLICA_PORT:-5433}"
PRIMARY_PORT="${PRIMARY_PORT:-5432}"
PRIMARY=(psql -X -q -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d postgres -Atc)
REPLICA=(psql -X -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -Atc)

if [ "$(id -u)" != 0 ]; then echo "replica-cluster.sh: 需要 root 权限（创建集群、写入 pg_hba.conf）" >&2; exit 1; fi

streaming() {
  pg_isready -q -h 127.0.0.1 -p "$PORT" &&
    [ "$("${REPLICA[@]}" "select pg_is_in_recovery() and exists (select 1 from pg_stat_wal_receiver where status = 'streaming')" 2>/dev/null)" = t ]
}
if streaming; then echo "只读副本已在运行：127.0.0.1:$PORT（$VERSION/$NAME）"; exit 0; fi

wal_level="$("${PRIMARY[@]}" 'show wal_level')"
if [ "$wal_level" = minimal ]; then
  echo "主库 wal_level=minimal，无法建立流复制：请设为 replica 并重启主库（本脚本不重启主库）" >&2; exit 1
fi
hba="$("${PRIMARY[@]}" 'show hba_file')"
if ! grep -Eq '^[[:space:]]*host[[:space:]]+replication[[:space:]]+(all|postgres)[[:space:]]+127\.0\.0\.1/32' "$hba"; then
  echo "host replication all 127.0.0.1/32 trust" >> "$hba"
  "${PRIMARY[@]}" 'select pg_reload_conf()' >/dev/null
  echo "主库 pg_hba.conf 已允许本机复制连接（已重新加载配置）"
fi

if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$VERSION $NAME"; then
  pg_createcluster "$VERSION" "$NAME" --port "$PORT" >/dev/null
fi
conf="/etc/postgresql/$VERSION/$NAME"
data="$(pg_lsclusters -h | awk -v v="$VERSION" -v n="$NAME" '$1 == v && $2 == n {print $6}')"
pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$NAME" stop -m fast >/dev/null 2>&1 || true
# Same trust rules as the primary on this machine; queries on a standby wait rather than get cancelled.
printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' > "$conf/pg_hba.conf"
grep -q '^hot_standby_feedback' "$conf/postgresql.conf" || echo 'hot_standby_feedback = on' >> "$conf/postgresql.conf"
rm -rf "$data"
install -d -o postgres -g postgres -m 700 "$data"
runuser -u postgres -- pg_basebackup -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$data" -R -X stream -c fast
pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$NAME" start
for _ in $(seq 1 60); do streaming && break; sleep 1; done
if ! streaming; then echo "只读副本未能进入流复制状态，见 /var/log/postgresql/postgresql-$VERSION-$NAME.log" >&2; exit 1; fi
echo "只读副本已建立：127.0.0.1:$PORT（$VERSION/$NAME），从 127.0.0.1:$PRIMARY_PORT 流复制"
