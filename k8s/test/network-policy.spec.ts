import { type K8sObject, parseYamlDocuments } from './kustomize';
import { networkAllows } from './support/network-policy';

const policies = (yaml: string): K8sObject[] => parseYamlDocuments(yaml, 'test');

const web = { namespace: 'shop', labels: { app: 'web' } };
const api = { namespace: 'shop', labels: { app: 'api' } };
const proxy = { namespace: 'edge', labels: { app: 'proxy' } };
const http = { number: 8080, name: 'http' };

const denyAll = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny, namespace: shop}
spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
`;

describe(networkAllows.name, () => {
  it('allows everything between pods no policy selects', () => {
    expect(networkAllows([], web, api, http)).toBe(true);
  });

  it('denies under default deny until both the egress and the ingress side allow it', () => {
    const egress = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-out, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Egress]
  egress: [{to: [{podSelector: {matchLabels: {app: api}}}], ports: [{protocol: TCP, port: 8080}]}]
`;
    const ingress = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-in, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: [Ingress]
  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{protocol: TCP, port: http}]}]
`;
    expect(networkAllows(policies(denyAll), web, api, http)).toBe(false);
    expect(networkAllows(policies(denyAll + egress), web, api, http)).toBe(false);
    expect(networkAllows(policies(denyAll + ingress), web, api, http)).toBe(false);
    expect(networkAllows(policies(denyAll + egress + ingress), web, api, http)).toBe(true);
    // Named ports match the destination's port name; numbers its number.
    expect(networkAllows(policies(denyAll + egress + ingress), web, api, { number: 8080, name: 'other' })).toBe(false);
    expect(networkAllows(policies(denyAll + egress + ingress), api, web, http)).toBe(false);
  });

  it('admits pods of other namespaces only through a namespaceSelector, and never through ipBlock', () => {
    const fromEdge = `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-from-edge, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: [Ingress]
  ingress:
    - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: edge}}, podSelector: {matchLabels: {app: proxy}}}]
`;
    const podOnly = fromEdge.replace('{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: edge}}, ', '{');
    const ipBlock = fromEdge.replace(/- from: .*/, '- from: [{ipBlock: {cidr: 0.0.0.0/0}}]');
    expect(networkAllows(policies(denyAll + fromEdge), proxy, api, http)).toBe(true);
    expect(networkAllows(policies(denyAll + podOnly), proxy, api, http)).toBe(false);
    expect(networkAllows(policies(denyAll + ipBlock), proxy, api, http)).toBe(false);
  });
});
