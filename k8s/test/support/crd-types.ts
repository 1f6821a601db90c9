// Shapes of the custom resources these manifests use, limited to the fields we set, for the
// TypeScript check in strict-fields.ts (no CRD schemas ship with kubernetes-models). Written
// from the projects' API references: CloudNativePG 1.27 (postgresql.cnpg.io/v1),
// prometheus-operator 0.8x (monitoring.coreos.com/v1) and KEDA 2.x (keda.sh/v1alpha1).
// A field missing here fails the check: add it after checking the reference, never blindly.
import type { IIoK8sApimachineryPkgApisMetaV1LabelSelector as LabelSelector } from '@kubernetes-models/apimachinery/apis/meta/v1/LabelSelector';
import type { IIoK8sApimachineryPkgApisMetaV1ObjectMeta as ObjectMeta } from '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta';
import type { IHorizontalPodAutoscalerBehavior } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscalerBehavior';
import type { IPodAntiAffinity } from 'kubernetes-models/v1/PodAntiAffinity';
import type { IResourceRequirements } from 'kubernetes-models/v1/ResourceRequirements';

interface Resource<ApiVersion extends string, Kind extends string, Spec> {
  apiVersion: ApiVersion;
  kind: Kind;
  metadata: ObjectMeta & { name: string };
  spec: Spec;
}

type Labels = Record<string, string>;

export type CnpgCluster = Resource<
  'postgresql.cnpg.io/v1',
  'Cluster',
  {
    instances: number;
    imageName: string;
    primaryUpdateStrategy?: 'unsupervised' | 'supervised';
    inheritedMetadata?: { labels?: Labels; annotations?: Labels };
    bootstrap?: { initdb?: { database: string; owner: string; secret?: { name: string }; postInitApplicationSQL?: string[] } };
    managed?: {
      roles?: {
        name: string;
        ensure?: 'present' | 'absent';
        login?: boolean;
        createrole?: boolean;
        createdb?: boolean;
        superuser?: boolean;
        inherit?: boolean;
        replication?: boolean;
        connectionLimit?: number;
        passwordSecret?: { name: string };
        inRoles?: string[];
        comment?: string;
      }[];
    };
    // CloudNativePG takes every parameter value as a string.
    postgresql?: { parameters?: Record<string, string>; pg_hba?: string[] };
    affinity?: {
      enablePodAntiAffinity?: boolean;
      topologyKey?: string;
      podAntiAffinityType?: 'preferred' | 'required';
      additionalPodAntiAffinity?: IPodAntiAffinity;
      nodeSelector?: Labels;
    };
    resources?: IResourceRequirements;
    storage: { size: string; storageClass?: string };
    walStorage?: { size: string; storageClass?: string };
  }
>;

export type PodMonitor = Resource<
  'monitoring.coreos.com/v1',
  'PodMonitor',
  {
    selector: LabelSelector;
    namespaceSelector?: { any?: boolean; matchNames?: string[] };
    jobLabel?: string;
    podMetricsEndpoints: {
      port: string;
      path?: string;
      interval?: string;
      scrapeTimeout?: string;
      scheme?: 'http' | 'https';
      honorLabels?: boolean;
    }[];
  }
>;

type RecordingRule = { record: string; expr: string; labels?: Labels };
type AlertingRule = { alert: string; expr: string; for?: string; labels?: Labels; annotations?: Labels };

export type PrometheusRule = Resource<
  'monitoring.coreos.com/v1',
  'PrometheusRule',
  { groups: { name: string; interval?: string; rules: (RecordingRule | AlertingRule)[] }[] }
>;

// KEDA reads every trigger metadata value as a string.
type PrometheusTrigger = {
  type: 'prometheus';
  metricType?: 'AverageValue' | 'Value';
  metadata: { serverAddress: string; query: string; threshold: string; activationThreshold?: string; ignoreNullValues?: 'true' | 'false' };
};
type ResourceTrigger = { type: 'cpu' | 'memory'; metricType: 'Utilization' | 'AverageValue'; metadata: { value: string; containerName?: string } };

export type ScaledObject = Resource<
  'keda.sh/v1alpha1',
  'ScaledObject',
  {
    scaleTargetRef: { apiVersion?: string; kind?: string; name: string };
    minReplicaCount?: number;
    maxReplicaCount?: number;
    idleReplicaCount?: number;
    pollingInterval?: number;
    cooldownPeriod?: number;
    fallback?: { failureThreshold: number; replicas: number };
    advanced?: {
      restoreToOriginalReplicaCount?: boolean;
      horizontalPodAutoscalerConfig?: { name?: string; behavior?: IHorizontalPodAutoscalerBehavior };
    };
    triggers: (PrometheusTrigger | ResourceTrigger)[];
  }
>;

/** apiVersion + kind of each custom resource above, to the exported type's name. */
export const CUSTOM_RESOURCE_TYPES: Record<string, string> = {
  'postgresql.cnpg.io/v1/Cluster': 'CnpgCluster',
  'monitoring.coreos.com/v1/PodMonitor': 'PodMonitor',
  'monitoring.coreos.com/v1/PrometheusRule': 'PrometheusRule',
  'keda.sh/v1alpha1/ScaledObject': 'ScaledObject',
};
