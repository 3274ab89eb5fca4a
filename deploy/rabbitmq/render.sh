#!/bin/sh
# Render the RabbitMQ definitions template: every ${VAR} placeholder gets the value of that
# environment variable, and the parking-queue TTL comes from TALENTLOOP_PARKING_TTL_DAYS
# (14 by default). Runs where RabbitMQ starts (compose's rabbitmq container, the Kubernetes
# RabbitmqCluster's init container), so the passwords never sit in a file in the repository.
#
#   render.sh TEMPLATE OUT [-- COMMAND ARGS...]   (then exec COMMAND: the broker itself)
set -eu
template=$1
out=$2
shift 2
days=${TALENTLOOP_PARKING_TTL_DAYS:-14}
case $days in
  '' | *[!0-9]*) echo "render.sh: TALENTLOOP_PARKING_TTL_DAYS must be a whole number of days" >&2; exit 1 ;;
esac
script="s|\"\${TALENTLOOP_PARKING_TTL_MS}\"|$((days * 86400000))|g;"
for var in $(grep -o '\${[A-Z0-9_]*}' "$template" | sort -u | tr -d '${}'); do
  [ "$var" = TALENTLOOP_PARKING_TTL_MS ] && continue
  eval "value=\${$var:-}"
  if [ -z "$value" ]; then
    echo "render.sh: $var is not set (see deploy/.env.example)" >&2
    exit 1
  fi
  case $value in
    *[!A-Za-z0-9._~-]*) echo "render.sh: $var must be URL-safe (openssl rand -hex 32)" >&2; exit 1 ;;
  esac
  script="$script s|\${$var}|$value|g;"
done
umask 077
sed -e "$script" "$template" > "$out"
if [ "${1:-}" = "--" ]; then
  shift
  exec "$@"
fi
