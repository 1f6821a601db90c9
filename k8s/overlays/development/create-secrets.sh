#!/bin/sh
# Creates the development overlay's Secrets with random local values; nothing is committed.
# Idempotent: a Secret that already exists is kept (delete it to regenerate; the Postgres
# volume keeps the password it was initialised with, so delete both together).
#   k8s/overlays/development/create-secrets.sh
set -eu

ns=${NAMESPACE:-mestres-dev}
kubectl get namespace "${ns}" >/dev/null 2>&1 || kubectl create namespace "${ns}"

random() { openssl rand -hex "${1:-24}"; }

exists() { kubectl -n "${ns}" get secret "$1" >/dev/null 2>&1; }

# create NAME KEY=VALUE...
create() {
  name=$1
  shift
  if exists "${name}"; then
    echo "secret/${name} exists, kept"
    return
  fi
  count=$#
  for pair in "$@"; do set -- "$@" "--from-literal=${pair}"; done
  shift "${count}"
  kubectl -n "${ns}" create secret generic "${name}" "$@"
}

if exists postgres-superuser; then
  pg=$(kubectl -n "${ns}" get secret postgres-superuser -o jsonpath='{.data.password}' | base64 -d)
else
  pg=$(random)
fi
create postgres-superuser "password=${pg}"
create postgres-admin "DATABASE_ADMIN_URL=postgres://postgres:${pg}@postgres:5432/mestres"
for app in catalog orders courses users jobs; do
  create "${app}-db" "DATABASE_URL=postgres://${app}_svc:$(random)@postgres:5432/mestres"
done
create mestres-internal-auth "INTERNAL_AUTH_SECRET=$(random 32)"
create jobs-smtp "SMTP_URL=smtp://mailpit:1025"
create orders-payment-webhook "PAYMENT_WEBHOOK_SECRET=$(random 32)"
