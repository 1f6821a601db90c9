// Unknown-field and type check for rendered objects. kubernetes-models' validate() catches
// wrong types and missing required fields but accepts unknown fields, so a misspelt
// `readinesProbe` or an option at the wrong level would pass and be dropped by the API
// server. Here every object becomes a typed TypeScript literal
// (`const o3: IDeployment = {...}`) and the compiler's excess-property check finds them.
import path from 'node:path';
import ts from 'typescript';
import type { K8sObject } from '../kustomize';
import { CUSTOM_RESOURCE_TYPES } from './crd-types';

const SUPPORT_DIR = __dirname;

/** The module path and interface that describe `object`'s kind in kubernetes-models. */
function builtInType(object: K8sObject): { module: string; type: string } {
  const groupVersion = object.apiVersion.includes('/') ? object.apiVersion : `v1`;
  return { module: `kubernetes-models/${groupVersion}/${object.kind}`, type: `I${object.kind}` };
}

/**
 * Type-checks every object against its kind's TypeScript interface. Returns one message per
 * problem, naming the object; an empty list means every field is known and well typed.
 */
export function findFieldProblems(objects: K8sObject[]): string[] {
  const lines: string[] = [];
  const owners: string[] = [];
  objects.forEach((object, index) => {
    const key = `${object.apiVersion}/${object.kind}`;
    const custom = CUSTOM_RESOURCE_TYPES[key];
    const { module, type } = custom ? { module: './crd-types.js', type: custom } : builtInType(object);
    lines.push(`import type { ${type} as T${index} } from '${module}';`);
    owners.push(`${object.kind}/${object.metadata.name}`);
  });
  const declarationStart = lines.length;
  objects.forEach((object, index) => lines.push(`export const o${index}: T${index} = ${JSON.stringify(object)};`));

  // An ES module beside crd-types.ts, so package "exports" resolve with the import condition.
  const fileName = path.join(SUPPORT_DIR, '__rendered-objects__.mts');
  const source = lines.join('\n');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2023,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, ...rest) =>
    path.resolve(name) === fileName ? ts.createSourceFile(name, source, version) : getSourceFile(name, version, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === fileName || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (path.resolve(name) === fileName ? source : readFile(name));

  const program = ts.createProgram([fileName], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!diagnostic.file || diagnostic.start === undefined) return message;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    const where = path.resolve(diagnostic.file.fileName) === fileName ? line : -1;
    if (where < 0) return `${diagnostic.file.fileName}: ${message}`;
    const owner = where >= declarationStart ? owners[where - declarationStart] : `import for ${owners[where]}`;
    return `${owner}: ${message}`;
  });
}
