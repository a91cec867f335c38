/** Kubernetes: the kubernetes.io/tls Secret (stringData) and a Pod that mounts it where the snippets expect. */
import { KUBERNETES_MOUNT, secretName } from '../layouts/kubernetes.ts';
import { sh } from './quote.ts';
import type { Snippet, SnippetContext } from './types.ts';

/** A PEM placeholder that stays valid YAML and says which file to paste. */
function pastes(label: string, file: string): string[] {
  return [`    -----BEGIN ${label}-----`, `    (contents of ${file})`, `    -----END ${label}-----`];
}

export const kubernetesSecret: Snippet = {
  id: 'kubernetes-secret',
  label: 'Kubernetes: TLS Secret and volume mount',
  language: 'yaml',
  filename: 'tls-secret.yaml',
  layouts: 'any',
  render(ctx: SnippetContext) {
    const name = secretName(ctx.cluster, ctx.node.name);
    const f = ctx.node.files;
    const fromBundle = ctx.layout === 'kubernetes';
    return [
      `# certbench: ${ctx.node.name}'s certificate as a kubernetes.io/tls Secret, mounted at ${KUBERNETES_MOUNT}.`,
      fromBundle
        ? `# The Kubernetes bundle already holds the filled-in Secret: kubectl apply -f ${ctx.node.name}-tls.yaml`
        : `# Or create it from the files: kubectl create secret generic ${name} --type=kubernetes.io/tls --from-file=tls.crt=${sh(f.fullchain ?? f.cert)} --from-file=tls.key=${sh(f.key)} --from-file=ca.crt=${sh(f.ca)}`,
      '# tls.key must be unencrypted: kubernetes.io/tls consumers cannot read encrypted keys.',
      'apiVersion: v1',
      'kind: Secret',
      'type: kubernetes.io/tls',
      'metadata:',
      `  name: ${name}`,
      'stringData:',
      '  tls.crt: |',
      ...pastes('CERTIFICATE', fromBundle ? `${ctx.node.name}'s certificate and intermediates` : f.fullchain ?? f.cert),
      '  tls.key: |',
      ...pastes('PRIVATE KEY', fromBundle ? `${ctx.node.name}'s private key` : f.key),
      '  ca.crt: |',
      ...pastes('CERTIFICATE', fromBundle ? 'the CA certificate' : f.ca),
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      `  name: ${ctx.node.name}`,
      'spec:',
      '  containers:',
      `    - name: ${ctx.node.name}`,
      '      image: your/image',
      '      volumeMounts:',
      '        - name: tls',
      `          mountPath: ${KUBERNETES_MOUNT}`,
      '          readOnly: true',
      '  volumes:',
      '    - name: tls',
      '      secret:',
      `        secretName: ${name}`,
      '        defaultMode: 0400',
      '',
    ].join('\n');
  },
};
