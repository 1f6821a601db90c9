#!/bin/sh
# Upgrades an overlay in a safe order: schema migrations first, then the apps.
#   k8s/deploy.sh development|production
# (A first install can simply be `kubectl apply -k k8s/overlays/<overlay>`.)
set -eu

overlay="${1:?usage: k8s/deploy.sh development|production}"
dir="$(cd "$(dirname "$0")" && pwd)/overlays/${overlay}"
[ -f "${dir}/kustomization.yaml" ] || { echo "deploy: no overlay ${overlay}" >&2; exit 2; }
namespace=$(sed -n 's/^namespace: *//p' "${dir}/kustomization.yaml")
migrations=app.kubernetes.io/component=migration
timeout=${MIGRATION_TIMEOUT:-15m}

echo "deploy: ${overlay} into namespace ${namespace}"

# Finished Jobs are immutable: remove the previous release's so the new ones can be created.
kubectl -n "${namespace}" delete job -l "${migrations}" --ignore-not-found --wait=true

# Everything but the app servers: config, dependencies, policies and the new migration Jobs.
kubectl apply -k "${dir}" -l 'app.kubernetes.io/component!=server'

if ! kubectl -n "${namespace}" wait job -l "${migrations}" --for=condition=complete --timeout="${timeout}"; then
  echo "deploy: migrations did not complete; their logs:" >&2
  kubectl -n "${namespace}" logs -l "${migrations}" --tail=50 --prefix >&2 || true
  exit 1
fi

# The apps, now that their schemas are current.
kubectl apply -k "${dir}"
for deployment in $(kubectl -n "${namespace}" get deployment -l app.kubernetes.io/component=server -o name); do
  kubectl -n "${namespace}" rollout status "${deployment}" --timeout=10m
done
echo "deploy: done"
