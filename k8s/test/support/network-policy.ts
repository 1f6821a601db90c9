import type { K8sObject } from '../kustomize';
import { type PodTemplate, mapSelector, selectorMatches } from './workloads';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** A pod as NetworkPolicies see it: its labels and its namespace (whose name is its only label here). */
export interface PodRef {
  namespace: string;
  labels: Record<string, string>;
}

/** A destination port of a pod: its number and, when declared, its name (policies may use either). */
export interface PodPort {
  number: number;
  name?: string;
}

/** A pod a Service sends traffic to, with the container port its `targetPort` resolves to. */
export interface Backend {
  pod: PodTemplate;
  port: PodPort;
}

type Direction = 'Ingress' | 'Egress';

const policyTypesOf = (spec: any): Direction[] => spec.policyTypes ?? (spec.egress ? ['Ingress', 'Egress'] : ['Ingress']);

function peerMatches(peer: any, policyNamespace: string, other: PodRef): boolean {
  if (peer.ipBlock) return false;
  if (peer.namespaceSelector) {
    if (!selectorMatches(peer.namespaceSelector, { 'kubernetes.io/metadata.name': other.namespace })) return false;
  } else if (other.namespace !== policyNamespace) {
    return false;
  }
  return peer.podSelector ? selectorMatches(peer.podSelector, other.labels) : true;
}

function portMatches(ports: any[] | undefined, port: PodPort): boolean {
  if (!ports || ports.length === 0) return true;
  return ports.some((entry) => {
    if ((entry.protocol ?? 'TCP') !== 'TCP') return false;
    if (entry.port === undefined) return true;
    if (typeof entry.port === 'string') return entry.port === port.name;
    return entry.endPort ? port.number >= entry.port && port.number <= entry.endPort : port.number === entry.port;
  });
}

/** Whether the policies that select `subject` in `direction` (if any) admit `peer` on `port`. */
function admits(policies: K8sObject[], direction: Direction, subject: PodRef, peer: PodRef, port: PodPort): boolean {
  const selecting = policies.filter((policy) => {
    const spec = policy.spec as any;
    return policy.metadata.namespace === subject.namespace && policyTypesOf(spec).includes(direction) && selectorMatches(spec.podSelector, subject.labels);
  });
  // A pod no policy selects for this direction is not isolated.
  if (selecting.length === 0) return true;
  return selecting.some((policy) => {
    const rules: any[] = (policy.spec as any)[direction === 'Ingress' ? 'ingress' : 'egress'] ?? [];
    return rules.some((rule) => {
      const peers: any[] | undefined = direction === 'Ingress' ? rule.from : rule.to;
      const peerAllowed = !peers || peers.length === 0 || peers.some((candidate) => peerMatches(candidate, policy.metadata.namespace!, peer));
      return peerAllowed && portMatches(rule.ports, port);
    });
  });
}

/**
 * Kubernetes NetworkPolicy semantics for one TCP connection: allowed when the source's egress
 * policies admit it and the destination's ingress policies admit it. Only pod peers are
 * modelled (ipBlock rules never match a pod); policies are those in `objects`.
 */
export function networkAllows(objects: K8sObject[], from: PodRef, to: PodRef, port: PodPort): boolean {
  const policies = objects.filter((object) => object.kind === 'NetworkPolicy');
  return admits(policies, 'Egress', from, to, port) && admits(policies, 'Ingress', to, from, port);
}

/** The pods behind Service `name` and the container port its `servicePort` targets. */
export function serviceBackends(objects: K8sObject[], pods: PodTemplate[], name: string, servicePort: number | string): Backend[] {
  const service = objects.find((object) => object.kind === 'Service' && object.metadata.name === name);
  if (!service) return [];
  const spec = service.spec as any;
  const port = spec.ports.find((candidate: any) => candidate.port === servicePort || candidate.name === servicePort);
  if (!port) return [];
  const targetPort = port.targetPort ?? port.port;
  const backends: Backend[] = [];
  for (const pod of pods.filter((candidate) => candidate.spec && selectorMatches(mapSelector(spec.selector), candidate.labels))) {
    for (const container of pod.spec!.containers) {
      for (const declared of container.ports ?? []) {
        if (declared.name === targetPort || declared.containerPort === targetPort) {
          backends.push({ pod, port: { number: declared.containerPort, name: declared.name } });
        }
      }
    }
  }
  return backends;
}

/** A pod template as a {@link PodRef}. */
export function podRef(pod: PodTemplate): PodRef {
  return { namespace: pod.namespace!, labels: pod.labels };
}
