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
    // keystore.pem holds the key too and keystore.p12 is not PEM: neither may become tls.crt.
    const store = f.keyAndChain ?? f.keystore;
    const certSource =
      fromBundle || store ? `${ctx.node.name}'s certificate and intermediates` : (f.fullchain ?? f.cert);
    const keySource = fromBundle || store ? `${ctx.node.name}'s private key` : f.key;
    return [
      `# certbench: ${ctx.node.name}'s certificate as a kubernetes.io/tls Secret, mounted at ${KUBERNETES_MOUNT}.`,
      fromBundle
        ? `# The Kubernetes bundle already holds the filled-in Secret: kubectl apply -f ${ctx.node.name}-tls.yaml`
        : store
          ? `# This layout keeps key and certificate together in ${store}; build the bundle with the Kubernetes layout for a filled-in Secret.`
          : `# Or create it from the files: kubectl create secret generic ${name} --type=kubernetes.io/tls --from-file=tls.crt=${sh(f.fullchain ?? f.cert)} --from-file=tls.key=${sh(f.key)} --from-file=ca.crt=${sh(f.ca)}`,
      '# tls.key must be unencrypted: kubernetes.io/tls consumers cannot read encrypted keys.',
      'apiVersion: v1',
      'kind: Secret',
      'type: kubernetes.io/tls',
      'metadata:',
      `  name: ${name}`,
      'stringData:',
      '  tls.crt: |',
      ...pastes('CERTIFICATE', certSource),
      '  tls.key: |',
      ...pastes('PRIVATE KEY', keySource),
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
      '        defaultMode: 0400  # owner (root) only: a non-root container needs 0440 and securityContext.fsGroup',
      '',
    ].join('\n');
  },
};
